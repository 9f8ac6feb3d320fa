using System.Text;
using System.Text.RegularExpressions;

namespace BytecodeLint.Cli.Terminal;

/// <summary>
/// Wraps the text report on a colour terminal: the severity word of each finding line
/// (<c>  warning BL0001: …</c>) is coloured (error red, warning yellow, note cyan, hidden dim).
/// Text passes through unchanged otherwise; only used when <see cref="TerminalPolicy.UseColor"/> says so.
/// </summary>
public sealed partial class ColorTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            inner.Write(Colorize(_line.ToString()));
            inner.Write('\n');
            _line.Clear();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(Colorize(_line.ToString()));
            _line.Clear();
        }
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    public static string Colorize(string line)
    {
        var match = FindingLine().Match(line);
        if (!match.Success) return line;
        var severity = match.Groups["severity"];
        string color = severity.Value switch
        {
            "error" => "\u001b[31;1m",
            "warning" => "\u001b[33m",
            "note" => "\u001b[36m",
            _ => "\u001b[2m",
        };
        return line[..severity.Index] + color + severity.Value + "\u001b[0m" + line[(severity.Index + severity.Length)..];
    }

    [GeneratedRegex(@"^\s+(?<severity>error|warning|note|hidden) [A-Z]{2,5}\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex FindingLine();
}
