using System.Text.Json.Serialization;
using BytecodeLint.Analysis.Inventory;

namespace BytecodeLint.Cli.Commands.Inspect;

/// <summary>
/// <c>inspect --format json</c> (docs/schemas/inspect.schema.json). Field names are a contract: the
/// corpus conformance script reads exactly these.
/// </summary>
internal static class InspectJsonReport
{
    /// <summary>1: the first versioned shape (the unversioned one plus schemaVersion).</summary>
    public const int SchemaVersion = 1;

    private static readonly InspectJsonContext Context = new(ReportJson.CreateOptions());

    public static void Write(TextWriter output, IReadOnlyList<InputInventory> inventories, bool withDetails) =>
        ReportJson.Write(output, Create(inventories, withDetails), Context.InspectDocument);

    public static InspectDocument Create(IReadOnlyList<InputInventory> inventories, bool withDetails)
    {
        var total = new InventoryCounts();
        var inputs = new List<InspectCountsJson>();
        foreach (var inventory in inventories)
        {
            total.Add(inventory.Counts);
            inputs.Add(Counts(inventory.Path, inventory.Counts) with
            {
                Problems = [.. inventory.Problems.Select(p => new InspectProblemJson(p.Location, p.Offset, p.Message))],
                ThrowableHandlerDetails = withDetails
                    ? [.. inventory.ThrowableHandlerDetails.Select(d => new InspectHandlerJson(d.Location, d.Class, d.Method, d.Descriptor, d.HandlerIndex, d.HandlerPc, d.Line))]
                    : null,
            });
        }
        return new InspectDocument(SchemaVersion, ToolInfo.Name, ToolInfo.Version, inputs, Counts("TOTAL", total));
    }

    private static InspectCountsJson Counts(string path, InventoryCounts c) => new(
        path, c.ClassEntries, c.Classes, c.ParseErrors, c.ClassBytes, c.NestedJars, c.VersionedClasses, c.MinMajor, c.MaxMajor,
        c.Methods, c.MethodsWithCode, c.ThrowableHandlers, c.ThrowableHandlerMethods, c.Ldc, c.LdcW, c.Ldc2W,
        c.StackMapTablesOver16K, c.MaxStackMapTableLength, c.ConstantPoolsOver256,
        new InspectClassWriterSitesJson(c.ClassWriterIntSites, c.ClassWriterReaderSites, c.ClassWriterNewIntSites, c.ClassWriterNewReaderSites,
            c.ClassWriterIntClasses, c.ClassWriterReaderClasses, c.ClassWriterNewIntClasses, c.ClassWriterNewReaderClasses),
        c.ThrowableHandlerLineHashHex);
}

internal sealed record InspectDocument(int SchemaVersion, string Tool, string Version, IReadOnlyList<InspectCountsJson> Inputs, InspectCountsJson Total);

/// <summary>The counts of one input or of the total; <see cref="Problems"/> and the details belong to inputs only.</summary>
internal sealed record InspectCountsJson(
    string Path,
    long ClassEntries,
    long Classes,
    long ParseErrors,
    long ClassBytes,
    long NestedJars,
    long VersionedClasses,
    int MinMajor,
    int MaxMajor,
    long Methods,
    long MethodsWithCode,
    long ThrowableHandlers,
    long ThrowableHandlerMethods,
    long Ldc,
    long LdcW,
    long Ldc2W,
    long StackMapTablesOver16K,
    long MaxStackMapTableLength,
    long ConstantPoolsOver256,
    InspectClassWriterSitesJson ClassWriterSites,
    string ThrowableHandlerLineHash)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InspectProblemJson>? Problems { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InspectHandlerJson>? ThrowableHandlerDetails { get; init; }
}

internal sealed record InspectClassWriterSitesJson(
    long Int, long Reader, long NewInt, long NewReader, long IntClasses, long ReaderClasses, long NewIntClasses, long NewReaderClasses);

internal sealed record InspectProblemJson(string Location, long? Offset, string Message);

internal sealed record InspectHandlerJson(string Location, string Class, string Method, string Descriptor, int HandlerIndex, int HandlerPc, int Line);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InspectDocument))]
internal sealed partial class InspectJsonContext : JsonSerializerContext;
