using System.Text;

namespace BytecodeLint.Analysis.Metaspace.Reading;

/// <summary>
/// Reads lines of at most <see cref="MaxLineLength"/> characters, so that a file without newlines
/// (binary garbage, a broken rotation) cannot make the reader buffer gigabytes. Longer lines are
/// cut and reported as truncated; the rest of the line is skipped.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLineLength = BoundedLineReader.DefaultMaxLineLength)
{
    public const int DefaultMaxLineLength = 64 * 1024;

    private readonly StringBuilder _line = new();

    public int MaxLineLength { get; } = maxLineLength;

    /// <summary>The next line without its terminator, or null at the end; <paramref name="cut"/> tells whether it was too long.</summary>
    public string? ReadLine(out bool cut)
    {
        _line.Clear();
        cut = false;
        var sawAny = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
                return sawAny ? _line.ToString() : null;
            sawAny = true;
            if (c == '\n')
                break;
            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                    reader.Read();
                break;
            }
            if (_line.Length < MaxLineLength)
                _line.Append((char)c);
            else
                cut = true;
        }
        return _line.ToString();
    }
}
