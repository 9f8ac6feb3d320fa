using System.Text.Json.Serialization;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Commands.Rules;

/// <summary><c>rules --format json</c> (docs/schemas/rules.schema.json): every rule the tool knows, in id order.</summary>
internal sealed record RulesDocument(int SchemaVersion, string Tool, string Version, IReadOnlyList<RuleJson> Rules);

/// <summary>One rule: what <c>bytecodelint rules</c> prints, plus its description and doc link.</summary>
internal sealed record RuleJson(string Id, string Title, string DefaultSeverity, bool EnabledByDefault, string Category, string Description, string HelpLink);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RulesDocument))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;

internal static class RulesJsonReport
{
    /// <summary>Bump when a field changes meaning or disappears; adding a field keeps the number.</summary>
    public const int SchemaVersion = 1;

    private static readonly RulesJsonContext Context = new(ReportJson.CreateOptions());

    public static void Write(TextWriter output, IEnumerable<DiagnosticDescriptor> rules) =>
        ReportJson.Write(output, Create(rules), Context.RulesDocument);

    public static RulesDocument Create(IEnumerable<DiagnosticDescriptor> rules) => new(
        SchemaVersion, ToolInfo.Name, ToolInfo.Version,
        [.. rules.Select(r => new RuleJson(r.Id, r.Title, r.DefaultSeverity.ToDisplayName(), r.IsEnabledByDefault, r.Category, r.Description, r.HelpLink))]);
}
