using System.Text;
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

    /// <summary>
    /// Writes the document and a final newline. A report file is written straight to its stream as UTF-8
    /// (the serialiser buffers in pooled blocks), so a large report (8.6 MB of JSON for the 6,006 findings of
    /// every jar under /usr/share/java) is never held whole in memory; other writers get it as one string.
    /// </summary>
    public static void Write<T>(TextWriter output, T document, JsonTypeInfo<T> typeInfo)
    {
        if (output is StreamWriter { Encoding: UTF8Encoding { Preamble.Length: 0 } } file)
        {
            file.Flush();
            JsonSerializer.Serialize(file.BaseStream, document, typeInfo);
        }
        else output.Write(JsonSerializer.Serialize(document, typeInfo));
        output.WriteLine();
    }

    /// <summary>NaN and infinities are not JSON numbers: they are written as null.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
