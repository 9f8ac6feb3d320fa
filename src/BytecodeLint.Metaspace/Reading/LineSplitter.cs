using System.Text.RegularExpressions;

namespace BytecodeLint.Metaspace.Reading;

/// <summary>
/// Splits physical lines where two writers interleaved (a JVM thread and the application writing
/// to the same file): a new decoration in the middle of a line starts a new logical line.
/// </summary>
public static partial class LineSplitter
{
    public static IEnumerable<string> Split(string line)
    {
        // Fast path: a second record needs a '[' (or a JDK 8 date) after the line's own decorations.
        if (!MayHoldSecondRecord(line))
        {
            yield return line;
            yield break;
        }
        var start = 0;
        foreach (Match m in EmbeddedLineStart().Matches(line))
        {
            if (m.Index <= start)
                continue;
            yield return line[start..m.Index];
            start = m.Index;
        }
        yield return start == 0 ? line : line[start..];
    }

    private static bool MayHoldSecondRecord(string line)
    {
        var pos = 0;
        while (pos < line.Length && line[pos] == '[')
        {
            var close = line.IndexOf(']', pos);
            if (close < 0)
                return false;
            pos = close + 1;
        }
        var rest = line.AsSpan(pos);
        return rest.Contains('[') || rest.Contains(": [", StringComparison.Ordinal);
    }

    // A unified-logging uptime or time decoration followed by another decoration, or a JDK 8 date stamp
    // followed by a GC record.
    [GeneratedRegex(@"\[\d+(?:\.\d+)?(?:s|ms|ns)\]\[|\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\]]*\]\[|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}: (?:\d+\.\d+: )?\[")]
    private static partial Regex EmbeddedLineStart();
}
