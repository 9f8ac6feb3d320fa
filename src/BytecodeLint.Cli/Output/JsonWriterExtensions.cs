using System.Text.Json;

namespace BytecodeLint.Cli.Output;

/// <summary>Nullable values written as JSON null, shared by every JSON report of the CLI.</summary>
internal static class JsonWriterExtensions
{
    public static void WriteNullable(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    public static void WriteNullable(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    public static void WriteNullable(this Utf8JsonWriter json, string name, int? value) => json.WriteNullable(name, (long?)value);

    /// <summary>NaN and infinities are not JSON numbers: they are written as null.</summary>
    public static void WriteNullable(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
