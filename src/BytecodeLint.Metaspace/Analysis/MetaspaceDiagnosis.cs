using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>The answer for a set of logs: verdict, series, fit, limit, fragmentation and the classes that grow.</summary>
public sealed record MetaspaceDiagnosis
{
    public required LeakVerdict Verdict { get; init; }

    /// <summary>One sentence a person reads first.</summary>
    public required string Headline { get; init; }

    /// <summary>The observations that led to the verdict, one per line.</summary>
    public required IReadOnlyList<string> Evidence { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }
    public string? JvmVersion { get; init; }

    public required XAxisKind XAxis { get; init; }
    public required string XLabel { get; init; }

    /// <summary>The most-redefined class when the x axis counts its retransforms.</summary>
    public ClassPoolHistory? FocusClass { get; init; }

    /// <summary>Every reading, in log order.</summary>
    public required IReadOnlyList<SeriesPoint> Series { get; init; }

    /// <summary>The readings the fit used (retained Metaspace after collections when logged).</summary>
    public required IReadOnlyList<SeriesPoint> Retained { get; init; }

    public required IReadOnlyList<GcMarker> MetadataCollections { get; init; }
    public required int Collections { get; init; }
    public int MetadataThresholdCollections => MetadataCollections.Count(m => m.Cause == "Metadata GC Threshold");
    public int MetadataThresholdReclaimedNothing => MetadataCollections.Count(m => m.Cause == "Metadata GC Threshold" && m.ReclaimedNothing);

    public long? FirstRetainedBytes { get; init; }
    public long? LastRetainedBytes { get; init; }
    public long? PeakCommittedBytes { get; init; }

    /// <summary>Retained growth per unit of x between the first and last retained reading.</summary>
    public double? AverageGrowthPerX { get; init; }

    public FittedCurve? Fit { get; init; }
    public IReadOnlyList<FittedCurve> Alternatives { get; init; } = [];

    public required LimitProjection Limit { get; init; }
    public required IReadOnlyList<Finding> Fragmentation { get; init; }

    /// <summary>What the loaded-class counts of successive VM.metaspace reports say about the redefinitions between them.</summary>
    public IReadOnlyList<Finding> ClassCounts { get; init; } = [];

    /// <summary>Between VM.metaspace reports around redefinitions: the agent's own class loading told apart from the retransformed classes' growth (<see cref="GrowthSplitCheck"/>).</summary>
    public IReadOnlyList<Finding> GrowthSplits { get; init; } = [];
    public required IReadOnlyList<ClassPoolHistory> Classes { get; init; }
    public required IReadOnlyList<SnapshotSummary> Snapshots { get; init; }
    public required int Redefinitions { get; init; }
    public required LineStatistics Lines { get; init; }
}
