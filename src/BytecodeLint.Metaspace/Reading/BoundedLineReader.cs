using System.Text;

namespace BytecodeLint.Metaspace.Reading;

/// <summary>
/// Reads lines of at most <see cref="MaxLineLength"/> characters, so that a file without newlines
/// (binary garbage, a broken rotation) cannot make the reader buffer gigabytes. Longer lines are
/// cut and reported as truncated; the rest of the line is skipped. Reads in blocks and scans them
/// with vectorised searches: GC logs run to gigabytes.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLineLength = BoundedLineReader.DefaultMaxLineLength)
{
    public const int DefaultMaxLineLength = 64 * 1024;

    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _line = new();
    private int _start, _end;
    private bool _eof, _skipLineFeed;

    public int MaxLineLength { get; } = maxLineLength;

    /// <summary>The next line without its terminator, or null at the end; <paramref name="cut"/> tells whether it was too long.</summary>
    public string? ReadLine(out bool cut)
    {
        _line.Clear();
        cut = false;
        var sawAny = false;
        while (true)
        {
            if (_start == _end && !Fill())
                return sawAny ? _line.ToString() : null;
            if (_skipLineFeed)
            {
                // A "\r\n" split across two blocks.
                _skipLineFeed = false;
                if (_buffer[_start] == '\n')
                {
                    _start++;
                    continue;
                }
            }
            sawAny = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny('\n', '\r');
            var take = stop < 0 ? span : span[..stop];
            var room = MaxLineLength - _line.Length;
            if (take.Length > room)
            {
                cut = true;
                _line.Append(take[..Math.Max(0, room)]);
            }
            else
            {
                _line.Append(take);
            }
            if (stop < 0)
            {
                _start = _end;
                continue;
            }
            _start += stop + 1;
            if (span[stop] == '\r')
            {
                if (_start < _end)
                {
                    if (_buffer[_start] == '\n')
                        _start++;
                }
                else
                {
                    _skipLineFeed = true;
                }
            }
            return _line.ToString();
        }
    }

    private bool Fill()
    {
        if (_eof)
            return false;
        _start = 0;
        _end = reader.Read(_buffer, 0, _buffer.Length);
        if (_end <= 0)
        {
            _end = 0;
            _eof = true;
            return false;
        }
        return true;
    }
}
