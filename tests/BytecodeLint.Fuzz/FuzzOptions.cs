namespace BytecodeLint.Fuzz;

/// <summary>How much to fuzz and how. The same seed and sizes always produce the same inputs.</summary>
public sealed record FuzzOptions
{
    /// <summary>Mutated classes to scan in total.</summary>
    public long Classes { get; init; } = 10_000;

    public int Seed { get; init; } = 1;

    /// <summary>Mutated classes per scanned jar (one STORED jar per batch, one engine run).</summary>
    public int BatchSize { get; init; } = 250;

    /// <summary>A mutated or generated archive is scanned after every this many batches.</summary>
    public int ArchiveEvery { get; init; } = 1;

    /// <summary>Batches scanned at once.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Time bound per class; a batch may take this times its size (a hang, not a slow class, fails it).</summary>
    public TimeSpan PerClassBound { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time bound for one archive input (bombs included).</summary>
    public TimeSpan PerArchiveBound { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Managed heap after a scan above this fails the input (unbounded memory).</summary>
    public long MaxManagedBytes { get; init; } = 1L << 30;

    /// <summary>Where failing inputs are saved (null: not saved).</summary>
    public string? CrashDirectory { get; init; }

    /// <summary>Scratch folder for the mutated jars being scanned.</summary>
    public string TempDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "bytecodelint-fuzz-" + Environment.ProcessId);

    /// <summary>Progress lines (null: silent).</summary>
    public TextWriter? Log { get; init; }
}
