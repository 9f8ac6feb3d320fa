using System.Text.Json.Serialization;
using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Cli.Commands.Metaspace;

/// <summary>
/// <c>metaspace --format json</c>: the diagnosis with stable camelCase names (docs/metaspace.md, "JSON
/// schema"; docs/schemas/metaspace.schema.json). Sizes are bytes; absent values are null rather than
/// missing, and so are NaN and infinities.
/// </summary>
internal static class MetaspaceJsonReport
{
    public const int SchemaVersion = 1;

    private static readonly MetaspaceJsonContext Context = new(ReportJson.CreateOptions());

    public static void Write(TextWriter output, MetaspaceDiagnosis d) => ReportJson.Write(output, Create(d), Context.MetaspaceDocument);

    public static MetaspaceDocument Create(MetaspaceDiagnosis d)
    {
        var l = d.Lines;
        var lim = d.Limit;
        return new MetaspaceDocument(
            SchemaVersion,
            Camel(d.Verdict.ToString()),
            d.Headline,
            d.Evidence,
            new MetaspaceInputsJson(d.Sources, d.JvmVersion, new MetaspaceLinesJson(l.Lines, l.Used, l.Skipped, l.NotUnderstood, l.TooLong, l.Interleaved,
                [.. l.Examples.Select(x => new MetaspaceLineExampleJson(x.Position.Source, x.Position.Line, x.Reason, x.Text))])),
            new MetaspaceXAxisJson(Camel(d.XAxis.ToString()), d.XLabel, d.FocusClass?.ClassName),
            new MetaspaceRetainedJson(d.FirstRetainedBytes, d.LastRetainedBytes, d.LastRetainedBytes - d.FirstRetainedBytes,
                ReportJson.Finite(d.AverageGrowthPerX), d.PeakCommittedBytes),
            d.Fit is { } fit ? Fit(fit, d.XAxis) : null,
            [.. d.Alternatives.Select(a => Fit(a, d.XAxis))],
            new MetaspaceLimitJson(lim.LimitBytes, lim.LimitSource, ReportJson.Finite(lim.ProjectedX), ReportJson.Finite(lim.ProjectedUptimeSeconds),
                lim.OomSpace is null ? null : new MetaspaceOomJson(lim.OomSpace, ReportJson.Finite(lim.OomX), ReportJson.Finite(lim.OomUptimeSeconds), lim.OomWhere)),
            new MetaspaceCollectionsJson(d.Collections, d.MetadataThresholdCollections, d.MetadataThresholdReclaimedNothing,
                [.. d.MetadataCollections.Select(m => new MetaspaceGcJson(m.GcId, m.Cause, m.X, ReportJson.Finite(m.UptimeSeconds), m.BeforeBytes, m.AfterBytes, m.ReclaimedNothing))]),
            [.. d.Classes.Select(c => new MetaspaceClassJson(c.ClassName, c.Label, c.NameSource, c.OtherCandidates, c.Redefinitions, c.FirstPoolLength,
                c.LastPoolLength, c.TypicalGrowth, Camel(c.Pattern.ToString()), c.Widenings, c.LastIndexMapLength, c.Overflowed, c.RuleId, c.Explanation,
                ReportJson.Finite(c.LawEstimateBytes), ReportJson.Finite(c.BytesPerWidening)))],
            [.. d.Fragmentation.Select(Finding)],
            [.. d.GrowthSplits.Select(Finding)],
            [.. d.Snapshots.Select(s => new MetaspaceSnapshotJson(s.Snapshot.Position.ToString(), s.Snapshot.Loaders, s.Snapshot.Classes, s.Snapshot.UsedBytes,
                s.Snapshot.CommittedBytes, s.Snapshot.ReservedBytes, s.Snapshot.TotalDeallocatedBytes, s.Snapshot.TotalDeallocatedBlocks,
                s.Snapshot.MaxMetaspaceBytes, s.Snapshot.AllocationsFailedAtLimit, s.UsedDeltaBytes, s.CommittedDeltaBytes, s.DeallocatedDeltaBytes))],
            [.. d.Series.Select(p => new MetaspaceReadingJson(p.X, Camel(p.Sample.Kind.ToString()), p.Sample.Position.ToString(),
                ReportJson.Finite(p.Sample.UptimeSeconds), p.Sample.Time?.ToString("O"), p.Sample.GcId, p.Sample.Cause, p.Sample.UsedBeforeBytes,
                p.Sample.UsedBytes, p.Sample.CapacityBytes, p.Sample.CommittedBytes, p.Sample.ReservedBytes, p.Sample.ClassUsedBytes,
                p.Sample.ClassCommittedBytes))]);
    }

    private static MetaspaceFragmentationJson Finding(Finding f) => new(f.Kind, f.Message, f.Where,
        new SortedDictionary<string, double>(f.Numbers.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    private static MetaspaceFitJson Fit(FittedCurve fit, XAxisKind axis) => new(
        Camel(fit.Shape.ToString()), fit.Coefficients, Math.Round(fit.RSquared, 6), Math.Round(fit.RmsErrorBytes), Math.Round(fit.Bic, 3),
        FitFormula.Describe(fit, FitFormula.Symbol(axis)));

    private static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
}

internal sealed record MetaspaceDocument(
    int SchemaVersion,
    string Verdict,
    string Headline,
    IReadOnlyList<string> Evidence,
    MetaspaceInputsJson Inputs,
    MetaspaceXAxisJson XAxis,
    MetaspaceRetainedJson Retained,
    MetaspaceFitJson? Fit,
    IReadOnlyList<MetaspaceFitJson> Fits,
    MetaspaceLimitJson Limit,
    MetaspaceCollectionsJson Collections,
    IReadOnlyList<MetaspaceClassJson> Classes,
    IReadOnlyList<MetaspaceFragmentationJson> Fragmentation,
    IReadOnlyList<MetaspaceFragmentationJson> GrowthSplits,
    IReadOnlyList<MetaspaceSnapshotJson> Snapshots,
    IReadOnlyList<MetaspaceReadingJson> Series);

internal sealed record MetaspaceInputsJson(IReadOnlyList<string> Sources, string? JvmVersion, MetaspaceLinesJson Lines);

internal sealed record MetaspaceLinesJson(
    [property: JsonPropertyName("read")] long Read, long Used, long Skipped, long NotUnderstood, long TooLong, long Interleaved,
    IReadOnlyList<MetaspaceLineExampleJson> Examples);

internal sealed record MetaspaceLineExampleJson(string Source, long Line, string Reason, string Text);

internal sealed record MetaspaceXAxisJson(string Kind, string Label, string? FocusClass);

internal sealed record MetaspaceRetainedJson(long? FirstBytes, long? LastBytes, long? GrowthBytes, double? AverageGrowthBytesPerX, long? PeakCommittedBytes);

internal sealed record MetaspaceFitJson(string Shape, IReadOnlyList<double> Coefficients, double RSquared, double RmsErrorBytes, double Bic, string Formula);

internal sealed record MetaspaceLimitJson(long? MaxMetaspaceBytes, string? Source, double? ProjectedX, double? ProjectedUptimeSeconds, MetaspaceOomJson? Oom);

internal sealed record MetaspaceOomJson(string Space, double? X, double? UptimeSeconds, string? Where);

internal sealed record MetaspaceCollectionsJson(int Total, int MetadataThreshold, int MetadataThresholdReclaimedNothing, IReadOnlyList<MetaspaceGcJson> MetadataTriggered);

internal sealed record MetaspaceGcJson(int? GcId, string Cause, double X, double? UptimeSeconds, long? BeforeBytes, long? AfterBytes, bool ReclaimedNothing);

internal sealed record MetaspaceClassJson(
    string? Name,
    string Label,
    string? NameSource,
    IReadOnlyList<string> OtherCandidates,
    int Redefinitions,
    int? FirstPoolLength,
    int? LastPoolLength,
    int? TypicalGrowth,
    string Pattern,
    int Widenings,
    int? LastIndexMapLength,
    bool Overflowed,
    string? RuleId,
    string? Explanation,
    double? LawEstimateBytes,
    double? BytesPerWidening);

internal sealed record MetaspaceFragmentationJson(string Kind, string Message, string Where, IReadOnlyDictionary<string, double> Numbers);

internal sealed record MetaspaceSnapshotJson(
    string Where,
    int? Loaders,
    int? Classes,
    long? UsedBytes,
    long? CommittedBytes,
    long? ReservedBytes,
    long? DeallocatedBytes,
    long? DeallocatedBlocks,
    long? MaxMetaspaceBytes,
    long? AllocationsFailedAtLimit,
    long? UsedDeltaBytes,
    long? CommittedDeltaBytes,
    long? DeallocatedDeltaBytes);

internal sealed record MetaspaceReadingJson(
    double X,
    string Kind,
    string Where,
    double? UptimeSeconds,
    string? Time,
    int? GcId,
    string? Cause,
    long? UsedBeforeBytes,
    long UsedBytes,
    long? CapacityBytes,
    long? CommittedBytes,
    long? ReservedBytes,
    long? ClassUsedBytes,
    long? ClassCommittedBytes);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MetaspaceDocument))]
internal sealed partial class MetaspaceJsonContext : JsonSerializerContext;
