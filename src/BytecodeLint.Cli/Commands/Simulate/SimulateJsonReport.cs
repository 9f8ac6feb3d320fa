using System.Text.Json;
using System.Text.Json.Serialization;

namespace BytecodeLint.Cli.Commands.Simulate;

/// <summary>
/// <c>simulate --format json</c> (docs/schemas/simulate.schema.json). The per-class field names are
/// the contract of issue 4: <c>oldConstantPoolCount</c>, <c>scratchConstantPoolCount</c>,
/// <c>mergedConstantPoolCount</c>, <c>indexMapLength</c>, <c>appendedEntries</c>, <c>widenedLdc</c>,
/// <c>methods[]{name, descriptor, widenedLdc, S, estimatedBytes}</c>, <c>estimatedBytes</c> and, when
/// more than one retransform is simulated, <c>growthPerRetransform</c>. A class-file pair prints them
/// at the top level; a jar pair prints one object per changed class under <c>classes</c>.
/// </summary>
internal static class SimulateJsonReport
{
    /// <summary>1: the first versioned shape (the unversioned one plus schemaVersion).</summary>
    public const int SchemaVersion = 1;

    private static readonly SimulateJsonContext Context = new(ReportJson.CreateOptions());

    /// <summary>JSON null, for <c>overflowAtRetransform</c> when a repeated simulation never overflowed.</summary>
    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    public static void Write(TextWriter output, SimulateReport report)
    {
        if (report.Inputs.IsClassPair)
            ReportJson.Write(output, ClassPair(report), Context.SimulateClassPairDocument);
        else
            ReportJson.Write(output, JarPair(report), Context.SimulateJarPairDocument);
    }

    public static SimulateClassPairDocument ClassPair(SimulateReport report) => new(Class(report, report.Classes[0]))
    {
        SchemaVersion = SchemaVersion,
        Tool = ToolInfo.Name,
        Original = report.OriginalPath,
        Transformed = report.TransformedPath,
        Jdk = Jdk(report),
        Retransforms = report.Retransforms,
        Verified = !report.Unverified,
    };

    public static SimulateJarPairDocument JarPair(SimulateReport report) => new(
        SchemaVersion, ToolInfo.Name, report.OriginalPath, report.TransformedPath, Jdk(report), report.Retransforms, !report.Unverified,
        [.. report.Classes.Select(c => Class(report, c))],
        report.Inputs.Unchanged,
        report.Inputs.OnlyInOriginal,
        report.Inputs.OnlyInTransformed,
        report.Classes.Sum(c => c.First.WidenedLdc),
        report.Classes.Sum(c => c.First.EstimatedBytes),
        [.. report.Inputs.Problems.Select(p => new SimulateProblemJson(p.Location, p.Message))]);

    private static string Jdk(SimulateReport report) => report.Profile.IsKnown ? report.Profile.Target.Text : "any";

    private static SimulateClassJson Class(SimulateReport report, SimulateClassResult result)
    {
        var first = result.First;
        var simulation = result.Simulation;
        bool repeated = result.Repeated;
        return new SimulateClassJson(
            result.Pair.Original.Name,
            report.Inputs.IsClassPair ? null : result.Pair.Location,
            SimulateReport.SourceText(simulation.Source),
            first.OldConstantPoolCount,
            first.ScratchConstantPoolCount,
            first.MergedConstantPoolCount,
            first.IndexMapLength,
            first.AppendedEntries,
            first.WidenedLdc,
            [.. first.Methods.Select(m => new SimulateMethodJson(m.Name, m.Descriptor, m.WidenedLdc, m.S, m.EstimatedBytes))],
            first.EstimatedBytes,
            first.FirstFitBytes)
        {
            GrowthPerRetransform = repeated ? simulation.GrowthPerRetransform : null,
            SimulatedRetransforms = repeated ? simulation.Steps.Count : null,
            ConstantPoolSizes = repeated ? simulation.ConstantPoolSizes : null,
            IndexMapLengths = repeated ? simulation.IndexMapLengths : null,
            WidenedLdcTotal = repeated ? simulation.TotalWidenedLdc : null,
            OverflowAtRetransform = !repeated ? null
                : simulation.OverflowAtRetransform is { } overflow ? JsonSerializer.SerializeToElement(overflow, Context.Int32) : Null,
            OverflowOutcome = repeated && simulation.OverflowAtRetransform is not null ? report.OverflowOutcome : null,
            EstimatedBytesAfterRetransforms = repeated ? simulation.EstimatedBytesAfterRetransforms : null,
            IndyRelink = result.IndyRelink.SpinningSites == 0 ? null : new SimulateIndyJson(
                result.IndyRelink.LambdaSites, result.IndyRelink.TypeSwitchSites,
                (long)Math.Round(result.IndyRelink.BytesPerRetransform), (long)Math.Round(result.IndyRelink.BytesAfter(report.Retransforms))),
        };
    }
}

/// <summary>
/// One simulated class. The fields after <c>firstFitBytes</c> appear only when more than one retransform
/// is simulated; then <c>overflowAtRetransform</c> is a number or null, and <c>overflowOutcome</c> is
/// there only with an overflow.
/// </summary>
internal record SimulateClassJson(
    string Class,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Entry,
    string ScratchSource,
    int OldConstantPoolCount,
    int ScratchConstantPoolCount,
    int MergedConstantPoolCount,
    int IndexMapLength,
    int AppendedEntries,
    int WidenedLdc,
    IReadOnlyList<SimulateMethodJson> Methods,
    long EstimatedBytes,
    long FirstFitBytes)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? GrowthPerRetransform { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SimulatedRetransforms { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? ConstantPoolSizes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? IndexMapLengths { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? WidenedLdcTotal { get; init; }

    /// <summary>Absent (C# null) for one retransform; JSON null or a number otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? OverflowAtRetransform { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OverflowOutcome { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? EstimatedBytesAfterRetransforms { get; init; }

    /// <summary>BL0005's growth when the class has sites that re-link after every retransform; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimulateIndyJson? IndyRelink { get; init; }
}

/// <summary>Lambda and type-switch sites that re-link after every retransform, and the Metaspace they add (linear).</summary>
internal sealed record SimulateIndyJson(int LambdaSites, int TypeSwitchSites, long BytesPerRetransform, long BytesAfterRetransforms);

/// <summary>A class-file pair: the settings, then the one class's fields at the top level.</summary>
internal sealed record SimulateClassPairDocument : SimulateClassJson
{
    public SimulateClassPairDocument(SimulateClassJson result) : base(result)
    {
    }

    [JsonPropertyOrder(-7)] public required int SchemaVersion { get; init; }

    [JsonPropertyOrder(-6)] public required string Tool { get; init; }

    [JsonPropertyOrder(-5)] public required string Original { get; init; }

    [JsonPropertyOrder(-4)] public required string Transformed { get; init; }

    [JsonPropertyOrder(-3)] public required string Jdk { get; init; }

    [JsonPropertyOrder(-2)] public required int Retransforms { get; init; }

    [JsonPropertyOrder(-1)] public required bool Verified { get; init; }
}

/// <summary>A jar or folder pair: the settings, every changed class, and the bookkeeping of the pairing.</summary>
internal sealed record SimulateJarPairDocument(
    int SchemaVersion,
    string Tool,
    string Original,
    string Transformed,
    string Jdk,
    int Retransforms,
    bool Verified,
    IReadOnlyList<SimulateClassJson> Classes,
    int UnchangedClasses,
    IReadOnlyList<string> OnlyInOriginal,
    IReadOnlyList<string> OnlyInTransformed,
    int WidenedLdc,
    long EstimatedBytes,
    IReadOnlyList<SimulateProblemJson> Problems);

internal sealed record SimulateMethodJson(
    string Name,
    string Descriptor,
    int WidenedLdc,
    [property: JsonPropertyName("S")] long S,
    long EstimatedBytes);

internal sealed record SimulateProblemJson(string Location, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SimulateClassPairDocument))]
[JsonSerializable(typeof(SimulateJarPairDocument))]
[JsonSerializable(typeof(int))]
internal sealed partial class SimulateJsonContext : JsonSerializerContext;
