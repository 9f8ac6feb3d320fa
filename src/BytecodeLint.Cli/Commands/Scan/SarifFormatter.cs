using System.Text.Encodings.Web;
using System.Text.Json;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Baseline;
using BytecodeLint.Analysis.Configuration;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning (docs/sarif.md): one run whose driver lists every rule with
/// descriptions, help (the rule's doc page), help URI, default configuration and category tag; one
/// result per finding, suppressed ones included with their <c>suppressions</c>. Paths are relative to
/// <paramref name="baseDirectory"/> (the repository root in CI), never absolute when they can be
/// relative, and fingerprints never include a line number. <c>runs[].automationDetails.id</c> is
/// <paramref name="category"/> (<c>--sarif-category</c>) so code scanning keeps runs of different
/// categories apart; a category without '/' gets one appended, which GitHub reads as "category, no run id".
/// Top-level inputs that could not be read make <c>executionSuccessful</c> false, one notification each.
/// </summary>
public sealed class SarifFormatter(string baseDirectory, string? category = null) : IScanFormatter
{
    /// <summary>The automation id when no category is given.</summary>
    public const string DefaultAutomationId = "bytecodelint/";

    /// <summary>The driver's full name, with the version (GHAzDO1018).</summary>
    public static string FullName => $"BytecodeLint {ToolInfo.Version}";

    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/bytecodelint/bytecodelint";

    /// <summary>GitHub rejects longer descriptions.</summary>
    private const int MaxDescription = 1024;

    private readonly SarifPaths _paths = new(baseDirectory);

    public void Write(ScanReport report, TextWriter writer) => Write(report, writer, ScanInputErrors.Of(report));

    /// <summary>The report with the top-level inputs that could not be read (separate until ScanReport carries them).</summary>
    internal void Write(ScanReport report, TextWriter writer, IReadOnlyList<(string Path, string Message)> inputErrors)
    {
        var rules = RuleRegistry.AllDescriptors;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            WriteInvocation(json, inputErrors);
            json.WriteStartObject("automationDetails");
            json.WriteString("id", AutomationId(category));
            json.WriteEndObject();
            json.WriteStartArray("results");
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var diagnostic in report.Result.Diagnostics)
            {
                // A result's descriptor always comes from the registry, so the index is known;
                // a rule outside it (a test double) gets no index rather than a wrong one.
                int? index = ruleIndex.TryGetValue(diagnostic.Id, out int i) ? i : null;
                WriteResult(json, diagnostic, index, occurrences);
            }
            json.WriteEndArray();
            WriteRunProperties(json, report);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("fullName", FullName);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", SarifRuleNames.For(rule.Id, rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", Truncate(rule.Title));
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", Truncate(rule.Description.Length > 0 ? rule.Description : rule.Title));
            json.WriteEndObject();
            string doc = RuleDocs.Get(rule.Id) ?? $"{rule.Title}. {rule.Description} See {rule.HelpLink}";
            json.WriteStartObject("help");
            json.WriteString("text", doc);
            json.WriteString("markdown", doc);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("defaultConfiguration");
            json.WriteBoolean("enabled", rule.IsEnabledByDefault);
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteStartArray("tags");
            json.WriteStringValue(rule.Category);
            json.WriteStringValue("bytecode");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary><paramref name="category"/> as an automation id: blank means the default, and a missing '/' is appended.</summary>
    public static string AutomationId(string? category) =>
        string.IsNullOrWhiteSpace(category) ? DefaultAutomationId
        : category.Contains('/', StringComparison.Ordinal) ? category.Trim()
        : category.Trim() + "/";

    private void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<(string Path, string Message)> inputErrors)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", inputErrors.Count == 0);
        if (inputErrors.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var (path, message) in inputErrors)
            {
                json.WriteStartObject();
                json.WriteString("level", "error");
                json.WriteStartObject("message");
                json.WriteString("text", $"{path}: {message}");
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", _paths.ToUri(path));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        // GitHub resolves any absolute URI against this when no checkout path is given.
        json.WriteStartObject("workingDirectory");
        json.WriteString("uri", _paths.BaseUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int? ruleIndex, Dictionary<string, int> occurrences)
    {
        var location = diagnostic.Location;
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex is { } index) json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(diagnostic.Severity));
        string entry = FindingIdentity.PortableEntry(location);
        json.WriteStartObject("message");
        // Without a source file the alert's only pointer is the jar, so name the entry too (as msbuild does).
        json.WriteString("text", location.SourcePath is null && location.Entry != location.Artifact ? $"{diagnostic.Message} [{entry}]" : diagnostic.Message);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", _paths.ToUri(location.SourcePath ?? location.Artifact));
        json.WriteEndObject();
        if (location.SourcePath is not null && location.Line is { } line && line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        WriteLogicalLocations(json, location);
        json.WriteEndObject();
        json.WriteEndArray();

        // GitHub uses primaryLocationLineHash as given; ours never contains a line, so alerts survive edits.
        string fingerprint = FindingIdentity.Of(diagnostic).Fingerprint;
        int occurrence = occurrences[fingerprint] = occurrences.GetValueOrDefault(fingerprint) + 1;
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", $"{fingerprint}:{occurrence}");
        json.WriteEndObject();

        if (diagnostic.SuppressedBy is { } by)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", SuppressionSources.IsExternal(by) ? "external" : "inSource");
            json.WriteString("status", "accepted");
            json.WriteString("justification", by);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("entry", entry);
        if (location.BytecodeOffset is { } pc) json.WriteNumber("bytecodeOffset", pc);
        if (location.Line is { } sourceLine) json.WriteNumber("line", sourceLine);
        if (location.SourceFile is { } sourceFile) json.WriteString("sourceFile", sourceFile);
        foreach (var (name, value) in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!double.IsFinite(value)) continue;
            if (value == Math.Floor(value) && Math.Abs(value) < 1e15) json.WriteNumber(name, (long)value);
            else json.WriteNumber(name, value);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLogicalLocations(Utf8JsonWriter json, DiagnosticLocation location)
    {
        if (location.Class is null) return;
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", SimpleName(location.Class));
        json.WriteString("fullyQualifiedName", location.Class);
        json.WriteString("kind", "type");
        json.WriteEndObject();
        if (location.Member is { } member)
        {
            json.WriteStartObject();
            json.WriteString("name", member);
            json.WriteString("fullyQualifiedName", $"{location.Class}#{member}{location.MemberDescriptor}");
            json.WriteString("kind", location.MemberDescriptor?.StartsWith('(') == false ? "member" : "function");
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRunProperties(Utf8JsonWriter json, ScanReport report)
    {
        json.WriteStartObject("properties");
        json.WriteString("targetJdk", report.TargetJdk.IsKnown ? report.TargetJdk.Text : "any");
        json.WriteNumber("classes", report.Result.Inputs.Sum(i => i.Classes));
        if (report.Baseline is { } baseline)
        {
            json.WriteNumber("baselineSuppressed", baseline.Suppressed);
            json.WriteNumber("baselineStale", baseline.StaleCount);
        }
        json.WriteEndObject();
    }

    /// <summary>SARIF levels: error, warning, note, and none for silent (hidden) findings.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    private static string SimpleName(string className) => className[(className.LastIndexOf('.') + 1)..];

    private static string Truncate(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
}
