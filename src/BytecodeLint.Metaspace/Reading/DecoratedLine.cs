using System.Globalization;
using System.Text.RegularExpressions;

namespace BytecodeLint.Metaspace.Reading;

/// <summary>
/// One log line with its decorations taken off: JDK 9+ unified logging (<c>[0.352s][info][gc,metaspace]</c>,
/// in any order and any subset, plus <c>[time]</c>, <c>[pid]</c>, <c>[tid]</c>, hostname) or JDK 8's
/// <c>2021-11-30T08:50:44.641+0800: 12.345: </c> stamps. <see cref="Message"/> is what the JVM printed.
/// </summary>
public readonly partial record struct DecoratedLine(
    string Message,
    double? UptimeSeconds,
    DateTimeOffset? Time,
    string? Level,
    string? Tags)
{
    /// <summary>True when the line carried unified-logging decorations (a level or tag set).</summary>
    public bool IsUnified => Level != null || Tags != null;

    public bool HasTag(string tag)
    {
        if (Tags == null)
            return false;
        var tags = Tags.AsSpan();
        foreach (var range in tags.Split(','))
        {
            if (tags[range].SequenceEqual(tag))
                return true;
        }
        return false;
    }

    public static DecoratedLine Parse(string line)
    {
        double? uptime = null;
        DateTimeOffset? time = null;
        string? level = null, tags = null;
        var pos = 0;
        var any = false;
        while (pos < line.Length && line[pos] == '[')
        {
            var close = line.IndexOf(']', pos + 1);
            if (close < 0)
                break;
            var content = line.AsSpan(pos + 1, close - pos - 1);
            var next = close + 1 < line.Length ? line[close + 1] : '\0';
            if (!ClassifyDecoration(content, next, ref uptime, ref time, ref level, ref tags))
                break;
            any = true;
            pos = close + 1;
        }
        if (any)
        {
            if (pos < line.Length && line[pos] == ' ')
                pos++;
            return new DecoratedLine(line[pos..], uptime, time, level, tags);
        }
        return ParseJdk8(line);
    }

    private static bool ClassifyDecoration(ReadOnlySpan<char> content, char next,
        ref double? uptime, ref DateTimeOffset? time, ref string? level, ref string? tags)
    {
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
            return false;
        if (TryParseUptime(trimmed, out var seconds))
        {
            // timemillis/timenanos print the epoch in the same shape as uptimemillis/uptimenanos.
            if (seconds > 1e8)
                time ??= DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1e3));
            else
                uptime ??= seconds;
            return true;
        }
        if (trimmed.Length >= 19 && char.IsAsciiDigit(trimmed[0]) && trimmed[4] == '-' && trimmed[10] == 'T')
        {
            if (TryParseIsoTime(trimmed.ToString(), out var t))
                time ??= t;
            return true;
        }
        if (trimmed is "trace" or "debug" or "info" or "warning" or "error")
        {
            level ??= trimmed.ToString();
            return true;
        }
        if (IsTagSet(trimmed))
        {
            // A pid or tid is all digits; anything else of that shape is a tag set.
            if (!char.IsAsciiDigit(trimmed[0]))
                tags ??= trimmed.ToString();
            return true;
        }
        // Unknown decoration (hostname): accept only when another decoration follows directly.
        return next == '[' && trimmed.IndexOfAny(' ', '(') < 0;
    }

    private static DecoratedLine ParseJdk8(string line)
    {
        var m = Jdk8Stamps().Match(line);
        if (!m.Success)
            return new DecoratedLine(line, null, null, null, null);
        DateTimeOffset? time = null;
        double? uptime = null;
        if (m.Groups["date"].Success && TryParseIsoTime(m.Groups["date"].Value, out var t))
            time = t;
        if (m.Groups["up"].Success)
            uptime = double.Parse(m.Groups["up"].Value, CultureInfo.InvariantCulture);
        return new DecoratedLine(line[m.Length..], uptime, time, null, null);
    }

    /// <summary>Parses 2021-11-30T08:50:44.641+0800 (HotSpot's form, no colon in the offset) and ISO variants.</summary>
    public static bool TryParseIsoTime(string text, out DateTimeOffset time)
    {
        var s = text;
        if (s.Length >= 5 && (s[^5] == '+' || s[^5] == '-') && char.IsAsciiDigit(s[^1]))
            s = s[..^2] + ":" + s[^2..];
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    /// <summary>"0.352s", "1234ms", "5000000000ns" (regex-free: every line of a big log passes here).</summary>
    private static bool TryParseUptime(ReadOnlySpan<char> text, out double seconds)
    {
        seconds = 0;
        var digits = 0;
        while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || text[digits] == '.'))
            digits++;
        if (digits == 0 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[digits - 1]))
            return false;
        var unit = text[digits..];
        double scale = unit switch
        {
            "s" => 1,
            "ms" => 1e-3,
            "ns" => 1e-9,
            _ => 0,
        };
        if (scale == 0 || !double.TryParse(text[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        seconds = value * scale;
        return true;
    }

    /// <summary>Lower-case identifiers joined by commas (a tag set), or digits (pid, tid).</summary>
    private static bool IsTagSet(ReadOnlySpan<char> text)
    {
        var previousComma = true;
        foreach (var c in text)
        {
            if (c == ',')
            {
                if (previousComma)
                    return false;
                previousComma = true;
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            {
                previousComma = false;
            }
            else
            {
                return false;
            }
        }
        return !previousComma;
    }

    [GeneratedRegex(@"^(?:(?<date>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d{4}|Z)?): )?(?:(?<up>\d+\.\d+): )?(?=\S)")]
    private static partial Regex Jdk8Stamps();
}
