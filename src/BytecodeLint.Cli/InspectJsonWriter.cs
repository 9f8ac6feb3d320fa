using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using BytecodeLint.Analysis.Inventory;

namespace BytecodeLint.Cli;

/// <summary>
/// The <c>inspect --format json</c> document. Field names and order are a contract: the corpus
/// conformance script reads exactly these (issue 2, deliverable 4).
/// </summary>
internal static class InspectJsonWriter
{
    public static void Write(TextWriter output, IReadOnlyList<InputInventory> inventories, bool withDetails)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps paths and messages readable (no \u002F for '/', no \u0027 for quotes).
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "bytecodelint");
            json.WriteString("version", ToolVersion());
            json.WriteStartArray("inputs");
            var total = new InventoryCounts();
            foreach (var inventory in inventories)
            {
                total.Add(inventory.Counts);
                json.WriteStartObject();
                WriteCounts(json, inventory.Path, inventory.Counts);
                json.WriteStartArray("problems");
                foreach (var problem in inventory.Problems)
                {
                    json.WriteStartObject();
                    json.WriteString("location", problem.Location);
                    if (problem.Offset is long offset) json.WriteNumber("offset", offset);
                    else json.WriteNull("offset");
                    json.WriteString("message", problem.Message);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                if (withDetails)
                {
                    json.WriteStartArray("throwableHandlerDetails");
                    foreach (var detail in inventory.ThrowableHandlerDetails) WriteDetail(json, detail);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("total");
            WriteCounts(json, "TOTAL", total);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteCounts(Utf8JsonWriter json, string path, InventoryCounts c)
    {
        json.WriteString("path", path);
        json.WriteNumber("classEntries", c.ClassEntries);
        json.WriteNumber("classes", c.Classes);
        json.WriteNumber("parseErrors", c.ParseErrors);
        json.WriteNumber("classBytes", c.ClassBytes);
        json.WriteNumber("nestedJars", c.NestedJars);
        json.WriteNumber("versionedClasses", c.VersionedClasses);
        json.WriteNumber("minMajor", c.MinMajor);
        json.WriteNumber("maxMajor", c.MaxMajor);
        json.WriteNumber("methods", c.Methods);
        json.WriteNumber("methodsWithCode", c.MethodsWithCode);
        json.WriteNumber("throwableHandlers", c.ThrowableHandlers);
        json.WriteNumber("throwableHandlerMethods", c.ThrowableHandlerMethods);
        json.WriteNumber("ldc", c.Ldc);
        json.WriteNumber("ldcW", c.LdcW);
        json.WriteNumber("ldc2W", c.Ldc2W);
        json.WriteNumber("stackMapTablesOver16K", c.StackMapTablesOver16K);
        json.WriteNumber("maxStackMapTableLength", c.MaxStackMapTableLength);
        json.WriteNumber("constantPoolsOver256", c.ConstantPoolsOver256);
        json.WriteStartObject("classWriterSites");
        json.WriteNumber("int", c.ClassWriterIntSites);
        json.WriteNumber("reader", c.ClassWriterReaderSites);
        json.WriteNumber("newInt", c.ClassWriterNewIntSites);
        json.WriteNumber("newReader", c.ClassWriterNewReaderSites);
        json.WriteNumber("intClasses", c.ClassWriterIntClasses);
        json.WriteNumber("readerClasses", c.ClassWriterReaderClasses);
        json.WriteNumber("newIntClasses", c.ClassWriterNewIntClasses);
        json.WriteNumber("newReaderClasses", c.ClassWriterNewReaderClasses);
        json.WriteEndObject();
        json.WriteString("throwableHandlerLineHash", c.ThrowableHandlerLineHashHex);
    }

    private static void WriteDetail(Utf8JsonWriter json, ThrowableHandlerDetail detail)
    {
        json.WriteStartObject();
        json.WriteString("location", detail.Location);
        json.WriteString("class", detail.Class);
        json.WriteString("method", detail.Method);
        json.WriteString("descriptor", detail.Descriptor);
        json.WriteNumber("handlerIndex", detail.HandlerIndex);
        json.WriteNumber("handlerPc", detail.HandlerPc);
        json.WriteNumber("line", detail.Line);
        json.WriteEndObject();
    }

    internal static string ToolVersion()
    {
        var version = typeof(InspectJsonWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
