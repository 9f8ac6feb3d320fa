using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BytecodeLint.Cli;

/// <summary>
/// How every JSON report is written: typed records serialised by a source-generated context (no
/// reflection, so trimming and Native AOT keep working), indented, LF line ends, and relaxed escaping
/// so paths and messages stay readable ('/' and quotes are not escaped). Property order is the order
/// the records declare, so the same input always gives the same bytes.
/// </summary>
internal static class ReportJson
{
    /// <summary>Options for a generated context's constructor; every report context shares them.</summary>
    public static JsonSerializerOptions CreateOptions() => new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static void Write<T>(TextWriter output, T document, JsonTypeInfo<T> typeInfo)
    {
        output.Write(JsonSerializer.Serialize(document, typeInfo));
        output.WriteLine();
    }

    /// <summary>NaN and infinities are not JSON numbers: they are written as null.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
