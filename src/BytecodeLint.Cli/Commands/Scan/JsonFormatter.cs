using System.Text.Json.Serialization;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Scanning;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// <c>scan --format json</c> (docs/schemas/scan.schema.json): tool, version, targetJdk, inputs with
/// class counts and class bytes, the inputs that could not be read, the baseline outcome and every diagnostic with
/// id, severity, message, location and properties. Typed records in declared order, so the same scan
/// always gives the same bytes.
/// </summary>
public sealed class JsonFormatter : IScanFormatter
{
    /// <summary>1: the first versioned shape (the unversioned one plus schemaVersion and inputErrors).</summary>
    public const int SchemaVersion = 1;

    private static readonly ScanJsonContext Context = new(ReportJson.CreateOptions());

    public void Write(ScanReport report, TextWriter writer) => Write(report, writer, ScanInputErrors.Of(report));

    /// <summary>The report with the top-level inputs that could not be read.</summary>
    internal static void Write(ScanReport report, TextWriter writer, IReadOnlyList<(string Path, string Message)> inputErrors) =>
        ReportJson.Write(writer, Create(report, inputErrors), Context.ScanDocument);

    internal static ScanDocument Create(ScanReport report, IReadOnlyList<(string Path, string Message)> inputErrors) => new(
        SchemaVersion,
        ToolInfo.Name,
        ToolInfo.Version,
        report.TargetJdk.IsKnown ? report.TargetJdk.Text : null,
        [.. report.Result.Inputs.Select(i => new ScanInputJson(i.Path, i.ClassEntries, i.ClassBytes, i.Classes, i.ParseErrors, i.NestedArchives, i.AgentArchives))],
        [.. inputErrors.Select(e => new ScanInputErrorJson(e.Path, e.Message))],
        report.Baseline is { } b ? new ScanBaselineJson(b.Path, b.Suppressed, b.StaleCount) : null,
        [.. report.Result.Diagnostics.Select(Diagnostic)]);

    private static ScanDiagnosticJson Diagnostic(Diagnostic d)
    {
        var l = d.Location;
        return new ScanDiagnosticJson(
            d.Id, d.Severity.ToDisplayName(), d.Descriptor.Title, d.Message, d.Descriptor.Category, d.Descriptor.HelpLink,
            new ScanLocationJson(l.Artifact, l.Entry, l.Class, l.Member, l.MemberDescriptor, l.BytecodeOffset, l.Line, l.SourceFile, l.SourcePath),
            new SortedDictionary<string, double>(d.Properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
            d.Evidence, d.IsSuppressed, d.SuppressedBy);
    }
}

/// <summary>The top-level inputs that could not be read (the scan went on with the others).</summary>
internal static class ScanInputErrors
{
    public static IReadOnlyList<(string Path, string Message)> Of(ScanReport report) =>
        [.. report.InputErrors.Select(e => (e.Path, e.Message))];
}

internal sealed record ScanDocument(
    int SchemaVersion,
    string Tool,
    string Version,
    string? TargetJdk,
    IReadOnlyList<ScanInputJson> Inputs,
    IReadOnlyList<ScanInputErrorJson> InputErrors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ScanBaselineJson? Baseline,
    IReadOnlyList<ScanDiagnosticJson> Diagnostics);

internal sealed record ScanInputJson(string Path, int ClassEntries, long ClassBytes, int Classes, int ParseErrors, int NestedArchives, IReadOnlyList<string> AgentArchives);

internal sealed record ScanInputErrorJson(string Path, string Message);

internal sealed record ScanBaselineJson(string Path, int Suppressed, int Stale);

internal sealed record ScanDiagnosticJson(
    string Id,
    string Severity,
    string Title,
    string Message,
    string Category,
    string HelpLink,
    ScanLocationJson Location,
    IReadOnlyDictionary<string, double> Properties,
    string Evidence,
    bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SuppressedBy);

internal sealed record ScanLocationJson(
    string Artifact,
    string Entry,
    string? Class,
    string? Member,
    string? MemberDescriptor,
    int? BytecodeOffset,
    int? Line,
    string? SourceFile,
    string? SourcePath);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ScanDocument))]
internal sealed partial class ScanJsonContext : JsonSerializerContext;
