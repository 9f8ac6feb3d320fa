namespace BytecodeLint.Metaspace.Model;

/// <summary>How the reader classified every line: nothing is dropped silently.</summary>
public sealed class LineStatistics
{
    /// <summary>At most this many not-understood lines are kept as examples.</summary>
    public const int MaxExamples = 8;

    private readonly List<UnparsedLine> _examples = [];

    /// <summary>Physical lines read (before splitting interleaved lines).</summary>
    public long Lines { get; internal set; }

    /// <summary>Logical lines that contributed data.</summary>
    public long Used { get; internal set; }

    /// <summary>Lines recognised but not needed (other log tags, heap-region detail, blank lines).</summary>
    public long Skipped { get; internal set; }

    /// <summary>Lines the reader could not interpret (garbage, truncated records, unknown formats).</summary>
    public long NotUnderstood { get; internal set; }

    /// <summary>Physical lines longer than the reader's line limit (cut, then counted as not understood).</summary>
    public long TooLong { get; internal set; }

    /// <summary>Physical lines that held two or more interleaved log records.</summary>
    public long Interleaved { get; internal set; }

    public IReadOnlyList<UnparsedLine> Examples => _examples;

    internal void AddNotUnderstood(UnparsedLine line)
    {
        NotUnderstood++;
        if (_examples.Count < MaxExamples)
            _examples.Add(line);
    }

    internal void Add(LineStatistics other)
    {
        Lines += other.Lines;
        Used += other.Used;
        Skipped += other.Skipped;
        NotUnderstood += other.NotUnderstood;
        TooLong += other.TooLong;
        Interleaved += other.Interleaved;
        foreach (var e in other._examples)
        {
            if (_examples.Count < MaxExamples)
                _examples.Add(e);
        }
    }
}
