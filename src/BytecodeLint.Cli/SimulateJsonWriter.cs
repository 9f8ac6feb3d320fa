using System.Text.Encodings.Web;
using System.Text.Json;
using BytecodeLint.Analysis.HotSpot;

namespace BytecodeLint.Cli;

/// <summary>
/// <c>simulate --format json</c>. The per-class field names are the contract of issue 4:
/// <c>oldConstantPoolCount</c>, <c>scratchConstantPoolCount</c>, <c>mergedConstantPoolCount</c>,
/// <c>indexMapLength</c>, <c>appendedEntries</c>, <c>widenedLdc</c>,
/// <c>methods[]{name, descriptor, widenedLdc, S, estimatedBytes}</c>, <c>estimatedBytes</c> and,
/// when more than one retransform is simulated, <c>growthPerRetransform</c>. A class-file pair
/// prints them at the top level; a jar pair prints one object per changed class under <c>classes</c>.
/// </summary>
internal static class SimulateJsonWriter
{
    public static void Write(TextWriter output, SimulateReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "bytecodelint");
            json.WriteString("original", report.OriginalPath);
            json.WriteString("transformed", report.TransformedPath);
            json.WriteString("jdk", report.Profile.IsKnown ? report.Profile.Target.Text : "any");
            json.WriteNumber("retransforms", report.Retransforms);
            json.WriteBoolean("verified", !report.Unverified);
            if (report.Inputs.IsClassPair)
            {
                WriteClass(json, report, report.Classes[0]);
            }
            else
            {
                json.WriteStartArray("classes");
                foreach (var result in report.Classes)
                {
                    json.WriteStartObject();
                    WriteClass(json, report, result);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteNumber("unchangedClasses", report.Inputs.Unchanged);
                WriteStrings(json, "onlyInOriginal", report.Inputs.OnlyInOriginal);
                WriteStrings(json, "onlyInTransformed", report.Inputs.OnlyInTransformed);
                json.WriteNumber("widenedLdc", report.Classes.Sum(c => c.First.WidenedLdc));
                json.WriteNumber("estimatedBytes", report.Classes.Sum(c => c.First.EstimatedBytes));
                json.WriteStartArray("problems");
                foreach (var problem in report.Inputs.Problems)
                {
                    json.WriteStartObject();
                    json.WriteString("location", problem.Location);
                    json.WriteString("message", problem.Message);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteClass(Utf8JsonWriter json, SimulateReport report, SimulateClassResult result)
    {
        var first = result.First;
        json.WriteString("class", result.Pair.Original.Name);
        if (!report.Inputs.IsClassPair) json.WriteString("entry", result.Pair.Location);
        json.WriteString("scratchSource", SimulateReport.SourceText(result.Simulation.Source));
        json.WriteNumber("oldConstantPoolCount", first.OldConstantPoolCount);
        json.WriteNumber("scratchConstantPoolCount", first.ScratchConstantPoolCount);
        json.WriteNumber("mergedConstantPoolCount", first.MergedConstantPoolCount);
        json.WriteNumber("indexMapLength", first.IndexMapLength);
        json.WriteNumber("appendedEntries", first.AppendedEntries);
        json.WriteNumber("widenedLdc", first.WidenedLdc);
        json.WriteStartArray("methods");
        foreach (var method in first.Methods)
        {
            json.WriteStartObject();
            json.WriteString("name", method.Name);
            json.WriteString("descriptor", method.Descriptor);
            json.WriteNumber("widenedLdc", method.WidenedLdc);
            json.WriteNumber("S", method.S);
            json.WriteNumber("estimatedBytes", method.EstimatedBytes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("estimatedBytes", first.EstimatedBytes);
        json.WriteNumber("firstFitBytes", first.FirstFitBytes);
        if (!result.Repeated) return;
        var simulation = result.Simulation;
        json.WriteNumber("growthPerRetransform", simulation.GrowthPerRetransform);
        json.WriteNumber("simulatedRetransforms", simulation.Steps.Count);
        json.WriteStartArray("constantPoolSizes");
        foreach (int size in simulation.ConstantPoolSizes) json.WriteNumberValue(size);
        json.WriteEndArray();
        json.WriteStartArray("indexMapLengths");
        foreach (int length in simulation.IndexMapLengths) json.WriteNumberValue(length);
        json.WriteEndArray();
        json.WriteNumber("widenedLdcTotal", simulation.TotalWidenedLdc);
        if (simulation.OverflowAtRetransform is { } overflow)
        {
            json.WriteNumber("overflowAtRetransform", overflow);
            json.WriteString("overflowOutcome", report.OverflowOutcome);
        }
        else json.WriteNull("overflowAtRetransform");
        json.WriteNumber("estimatedBytesAfterRetransforms", simulation.EstimatedBytesAfterRetransforms);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
