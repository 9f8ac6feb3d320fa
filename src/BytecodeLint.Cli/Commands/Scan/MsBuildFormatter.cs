using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// MSBuild/VS canonical lines, one per finding: <c>path(line,col): warning BL0001: message</c>.
/// The path is the mapped source file when a source root maps the class, else the input; without a
/// source file the entry chain is appended to the message so the class can still be found.
/// </summary>
public sealed class MsBuildFormatter : IScanFormatter
{
    public void Write(ScanReport report, TextWriter writer)
    {
        foreach (var diagnostic in report.Active)
            writer.WriteLine(Format(diagnostic));
    }

    public static string Format(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        string position = location.SourcePath is not null && location.Line is { } line ? $"({line},1)" : "";
        string category = diagnostic.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        string where = location.SourcePath is null && location.Entry != location.Artifact ? $" [{location.Entry}]" : "";
        return $"{location.DisplayPath}{position}: {category} {diagnostic.Id}: {diagnostic.Message}{where}";
    }
}
