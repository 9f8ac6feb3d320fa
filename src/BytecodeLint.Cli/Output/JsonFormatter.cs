using System.Text.Encodings.Web;
using System.Text.Json;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;

namespace BytecodeLint.Cli.Output;

/// <summary>
/// The stable JSON schema (documented in the README): tool, version, targetJdk, inputs with class
/// counts, diagnostics with id, severity, message, location and properties. Written with
/// Utf8JsonWriter in a fixed field order, so the same scan always yields the same bytes.
/// </summary>
public sealed class JsonFormatter : IScanFormatter
{
    public void Write(ScanReport report, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            if (report.TargetJdk.IsKnown) json.WriteString("targetJdk", report.TargetJdk.Text);
            else json.WriteNull("targetJdk");
            json.WriteStartArray("inputs");
            foreach (var input in report.Result.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("path", input.Path);
                json.WriteNumber("classEntries", input.ClassEntries);
                json.WriteNumber("classes", input.Classes);
                json.WriteNumber("parseErrors", input.ParseErrors);
                json.WriteNumber("nestedArchives", input.NestedArchives);
                json.WriteStartArray("agentArchives");
                foreach (var agent in input.AgentArchives) json.WriteStringValue(agent);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (report.Baseline is { } baseline)
            {
                json.WriteStartObject("baseline");
                json.WriteString("path", baseline.Path);
                json.WriteNumber("suppressed", baseline.Suppressed);
                json.WriteNumber("stale", baseline.StaleCount);
                json.WriteEndObject();
            }
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Result.Diagnostics) WriteDiagnostic(json, diagnostic);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        json.WriteStartObject();
        json.WriteString("id", diagnostic.Id);
        json.WriteString("severity", diagnostic.Severity.ToDisplayName());
        json.WriteString("title", diagnostic.Descriptor.Title);
        json.WriteString("message", diagnostic.Message);
        json.WriteString("category", diagnostic.Descriptor.Category);
        json.WriteString("helpLink", diagnostic.Descriptor.HelpLink);
        json.WriteStartObject("location");
        json.WriteString("artifact", location.Artifact);
        json.WriteString("entry", location.Entry);
        json.WriteNullable("class", location.Class);
        json.WriteNullable("member", location.Member);
        json.WriteNullable("memberDescriptor", location.MemberDescriptor);
        json.WriteNullable("bytecodeOffset", location.BytecodeOffset);
        json.WriteNullable("line", location.Line);
        json.WriteNullable("sourceFile", location.SourceFile);
        json.WriteNullable("sourcePath", location.SourcePath);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        foreach (var (name, value) in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value == Math.Floor(value) && Math.Abs(value) < 1e15) json.WriteNumber(name, (long)value);
            else json.WriteNumber(name, value);
        }
        json.WriteEndObject();
        json.WriteString("evidence", diagnostic.Evidence);
        json.WriteBoolean("suppressed", diagnostic.IsSuppressed);
        if (diagnostic.SuppressedBy is { } by) json.WriteString("suppressedBy", by);
        json.WriteEndObject();
    }
}
