using System.Globalization;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// Human output: findings grouped by input, each with its symbol, line, message and key numbers,
/// then one summary line with counts by rule and severity.
/// </summary>
public sealed class TextFormatter : IScanFormatter
{
    public void Write(ScanReport report, TextWriter writer)
    {
        var byInput = report.Result.Diagnostics.ToLookup(d => d.Location.Artifact, StringComparer.Ordinal);
        foreach (var input in report.Result.Inputs)
        {
            string agents = input.AgentArchives.Count > 0 ? $", agent jar ({string.Join(", ", input.AgentArchives)})" : "";
            writer.WriteLine($"{input.Path}: {input.Classes:N0} classes, {input.ParseErrors:N0} unreadable, {input.NestedArchives:N0} nested archives{agents}");
            WriteFindings(writer, byInput[input.Path]);
        }
        // Findings about files that are not scan inputs (e.g. unreadable class dumps of --transformed).
        var inputs = report.Result.Inputs.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var other in byInput.Where(g => !inputs.Contains(g.Key)))
        {
            writer.WriteLine($"{other.Key}:");
            WriteFindings(writer, other);
        }
        writer.WriteLine(Summary(report));
    }

    private static void WriteFindings(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            string suppressed = diagnostic.IsSuppressed ? $" (suppressed: {diagnostic.SuppressedBy})" : "";
            writer.WriteLine($"  {diagnostic.Severity.ToDisplayName()} {diagnostic.Id}{suppressed}: {diagnostic.Message}");
            writer.WriteLine($"      at {Where(diagnostic.Location)}");
        }
    }

    private static string Where(DiagnosticLocation location)
    {
        var parts = new List<string> { location.Member is null ? location.Entry : location.Symbol };
        if (location.Line is { } line) parts.Add($"line {line}");
        if (location.BytecodeOffset is { } pc) parts.Add($"pc {pc}");
        if (location.SourcePath is { } source) parts.Add(source + (location.Line is { } l ? $":{l}" : ""));
        else if (location.Member is not null) parts.Add(location.Entry);
        return string.Join(", ", parts);
    }

    public static string Summary(ScanReport report)
    {
        var active = report.Active.ToList();
        int suppressed = report.Result.Diagnostics.Count - active.Count;
        int classes = report.Result.Inputs.Sum(i => i.Classes);
        string rules = string.Join(", ", active.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}"));
        string counts = string.Join(", ",
            new[] { Severity.Error, Severity.Warning, Severity.Note }
                .Select(s => $"{active.Count(d => d.Severity == s)} {s.ToDisplayName()}{(active.Count(d => d.Severity == s) == 1 ? "" : "s")}"));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{active.Count} finding{(active.Count == 1 ? "" : "s")} in {classes:N0} classes from {report.Result.Inputs.Count} input{(report.Result.Inputs.Count == 1 ? "" : "s")}: {counts}");
        if (rules.Length > 0) text += $" ({rules})";
        if (suppressed > 0) text += $"; {suppressed} suppressed";
        return text + (report.TargetJdk.IsKnown ? $"; target JDK {report.TargetJdk}" : "; target JDK: any");
    }
}
