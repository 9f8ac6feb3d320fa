using System.Text.Json;
using BytecodeLint.TestUtilities;
using Json.Schema;

namespace BytecodeLint.Cli.Tests;

/// <summary>
/// Validates JSON against the schemas in the repository with JsonSchema.Net: the report schemas in
/// docs/schemas/ (draft 2020-12) and the vendored OASIS SARIF 2.1.0 schema (draft-04, read with draft-07
/// rules: it uses no keyword whose meaning changed between the two).
/// </summary>
internal static class JsonSchemas
{
    public static string SarifPath { get; } = Path.Combine(RepoPaths.Root, "tests", "TestData", "schemas", "sarif-schema-2.1.0.json");

    public static string Report(string name) => Path.Combine(RepoPaths.Root, "docs", "schemas", name + ".schema.json");

    private const string Draft04 = "http://json-schema.org/draft-04/schema#";

    public static JsonSchema Load(string path)
    {
        string text = File.ReadAllText(path);
        // JsonSchema.Net knows draft 6 and later; name the draft it should apply instead of draft-04.
        if (text.Contains(Draft04, StringComparison.Ordinal))
            text = text.Replace(Draft04, "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri(new Uri(path).AbsoluteUri));
    }

    /// <summary>Every failing keyword as "instance location: message"; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement instance)
    {
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no details)"];
    }

    public static IReadOnlyList<string> Errors(string schemaPath, string json) =>
        Errors(Load(schemaPath), JsonDocument.Parse(json).RootElement);
}
