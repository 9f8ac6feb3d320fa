using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>The analysis results the verdict is written from.</summary>
internal sealed record VerdictContext(
    MetaspaceLog Log,
    XAxisMapper Axis,
    string XLabel,
    ClassPoolHistory? Focus,
    IReadOnlyList<SeriesPoint> Retained,
    IReadOnlyList<GcMarker> Markers,
    FittedCurve? Fit,
    IReadOnlyList<FittedCurve> Alternatives,
    LimitProjection Limit,
    IReadOnlyList<ClassPoolHistory> Classes,
    IReadOnlyList<Finding> Fragmentation,
    IReadOnlyList<Finding> ClassCounts,
    long? FirstRetained,
    long? LastRetained,
    IReadOnlyList<SnapshotSummary> Snapshots,
    bool MixedRuns)
{
    public IReadOnlyList<Finding> GrowthSplits { get; init; } = [];

    /// <summary>Allocations the JVM refused at MaxMetaspaceSize, from the last VM.metaspace report (the counter is cumulative).</summary>
    public long AllocationsFailedAtLimit => Snapshots.Count > 0 ? Snapshots[^1].Snapshot.AllocationsFailedAtLimit ?? 0 : 0;
}
