using System.Text.Json;
using System.Text.RegularExpressions;

namespace BytecodeLint.Cli.Tests;

/// <summary>
/// A focused JSON Schema (draft-04) validator for the keywords the official SARIF 2.1.0 schema uses:
/// $ref (local), type, properties, required, additionalProperties, items, minItems, uniqueItems,
/// enum, minimum, maximum, pattern, format (uri, uri-reference, date-time), anyOf, oneOf.
/// JsonSchema.Net is not restorable from our package source (its JsonPointer.Net dependency is missing),
/// hence this. Returns every violation with its JSON path, so a failing test says what is wrong.
/// </summary>
internal sealed class SarifSchemaValidator(JsonElement schemaRoot)
{
    public static SarifSchemaValidator Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone());

    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(schemaRoot, instance, "$", errors);
        return errors;
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException("remote $ref " + reference);
        var node = schemaRoot;
        foreach (var part in reference[2..].Split('/')) node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
        return node;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True) return;
        if (schema.TryGetProperty("$ref", out var reference))
        {
            // Draft-04: $ref replaces the rest of the schema object.
            Check(Resolve(reference.GetString()!), value, path, errors);
            return;
        }
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "type":
                    var types = keyword.Value.ValueKind == JsonValueKind.Array ? keyword.Value.EnumerateArray().Select(t => t.GetString()!).ToList() : [keyword.Value.GetString()!];
                    if (!types.Any(t => IsType(value, t))) errors.Add($"{path}: expected {string.Join("|", types)}, found {value.ValueKind}");
                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value))) errors.Add($"{path}: '{value}' is not one of {keyword.Value}");
                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!))
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: missing required '{name}'");
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                        if (keyword.Value.TryGetProperty(property.Name, out var propertySchema)) Check(propertySchema, property.Value, $"{path}.{property.Name}", errors);
                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object:
                    var declared = schema.TryGetProperty("properties", out var props) ? props.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                    foreach (var property in value.EnumerateObject().Where(p => !declared.Contains(p.Name)))
                    {
                        if (keyword.Value.ValueKind == JsonValueKind.False) errors.Add($"{path}: property '{property.Name}' is not allowed");
                        else if (keyword.Value.ValueKind == JsonValueKind.Object) Check(keyword.Value, property.Value, $"{path}.{property.Name}", errors);
                    }
                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    int i = 0;
                    foreach (var item in value.EnumerateArray()) Check(keyword.Value, item, $"{path}[{i++}]", errors);
                    break;
                case "minItems" when value.ValueKind == JsonValueKind.Array:
                    if (value.GetArrayLength() < keyword.Value.GetInt32()) errors.Add($"{path}: fewer than {keyword.Value} items");
                    break;
                case "uniqueItems" when value.ValueKind == JsonValueKind.Array && keyword.Value.GetBoolean():
                    var items = value.EnumerateArray().ToList();
                    for (int a = 0; a < items.Count; a++)
                        for (int b = a + 1; b < items.Count; b++)
                            if (JsonElement.DeepEquals(items[a], items[b])) errors.Add($"{path}: items {a} and {b} are equal");
                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number:
                    if (value.GetDouble() < keyword.Value.GetDouble()) errors.Add($"{path}: {value} < minimum {keyword.Value}");
                    break;
                case "maximum" when value.ValueKind == JsonValueKind.Number:
                    if (value.GetDouble() > keyword.Value.GetDouble()) errors.Add($"{path}: {value} > maximum {keyword.Value}");
                    break;
                case "pattern" when value.ValueKind == JsonValueKind.String:
                    if (!Regex.IsMatch(value.GetString()!, keyword.Value.GetString()!)) errors.Add($"{path}: '{value}' does not match {keyword.Value}");
                    break;
                case "format" when value.ValueKind == JsonValueKind.String:
                    string text = value.GetString()!;
                    bool ok = keyword.Value.GetString() switch
                    {
                        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
                        "uri-reference" => Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _),
                        "date-time" => DateTimeOffset.TryParse(text, out _),
                        _ => true,
                    };
                    if (!ok) errors.Add($"{path}: '{text}' is not a valid {keyword.Value}");
                    break;
                case "anyOf":
                    if (!keyword.Value.EnumerateArray().Any(s => Passes(s, value, path))) errors.Add($"{path}: matches none of anyOf");
                    break;
                case "oneOf":
                    int matches = keyword.Value.EnumerateArray().Count(s => Passes(s, value, path));
                    if (matches != 1) errors.Add($"{path}: matches {matches} of oneOf (expected 1)");
                    break;
            }
        }
    }

    private bool Passes(JsonElement schema, JsonElement value, string path)
    {
        var scratch = new List<string>();
        Check(schema, value, path, scratch);
        return scratch.Count == 0;
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && d == Math.Floor(d),
        _ => false,
    };
}
