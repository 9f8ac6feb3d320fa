namespace BytecodeLint.Analysis.HotSpot;

/// <summary>How the scratch class of each retransform is obtained.</summary>
public enum ScratchSource
{
    /// <summary>
    /// No transformer (or one that returns null): the JVM parses the bytes it reconstitutes from the
    /// running class, so each retransform sees the previous merge's pool (docs/design/hotspot.md §1, exp1 and
    /// nan-javac oracle cases).
    /// </summary>
    Reconstituted,

    /// <summary>
    /// A deterministic transformer: it gets the bytes cached at the first retransform every time
    /// and returns the same class, so every retransform merges the same scratch class.
    /// </summary>
    SameTransformedClass,
}

/// <summary>One step of a retransform sequence.</summary>
public sealed record RetransformStep(int Retransform, int OldConstantPoolCount, int ScratchConstantPoolCount, int MergedConstantPoolCount,
    int IndexMapLength, int AppendedEntries, int WidenedLdc, int PatchedLdc);

/// <summary>
/// N retransforms of one class: the first merge in full, then the pool size after each step, the
/// steady growth, where the pool passes 65,535 entries, and the Metaspace estimate after N.
/// <see cref="Final"/> is the class after the last merge that HotSpot accepted.
/// </summary>
public sealed record RetransformSimulation(
    JdkProfile Profile,
    ScratchSource Source,
    int RequestedRetransforms,
    MergeOutcome First,
    IReadOnlyList<RetransformStep> Steps,
    int? OverflowAtRetransform,
    ClassModel Final)
{
    /// <summary>Pool size (merge_cp_len) after each simulated retransform.</summary>
    public IReadOnlyList<int> ConstantPoolSizes => Steps.Select(s => s.MergedConstantPoolCount).ToArray();

    /// <summary>Index-map length of each simulated retransform.</summary>
    public IReadOnlyList<int> IndexMapLengths => Steps.Select(s => s.IndexMapLength).ToArray();

    /// <summary>Pool growth of the last simulated retransform (the steady state when growth is linear).</summary>
    public int GrowthPerRetransform => Steps.Count == 0 ? 0 : Steps[^1].MergedConstantPoolCount - Steps[^1].OldConstantPoolCount;

    /// <summary>Total widened <c>ldc</c> over all simulated retransforms.</summary>
    public int TotalWidenedLdc => Steps.Sum(s => s.WidenedLdc);

    /// <summary>
    /// Metaspace after the simulated retransforms: the first retransform's widening estimate (later
    /// ones reuse the freed copies, docs/design/hotspot.md §4) plus, when the pool grows, the BL0001 fit
    /// generalised to the simulated sizes (<see cref="MetaspaceCost.PoolGrowth"/>).
    /// </summary>
    public long EstimatedBytesAfterRetransforms =>
        First.EstimatedBytes + MetaspaceCost.PoolGrowth(First.OldConstantPoolCount, ConstantPoolSizes);
}
