namespace BytecodeLint.Analysis.HotSpot;

/// <summary>Per-method result of one merge: widened <c>ldc</c> and the widening cost.</summary>
/// <param name="S">Code length + StackMapTable length + LineNumberTable entries of the scratch method (docs/design/hotspot.md §4).</param>
/// <param name="EstimatedBytes">What this method's clones add to Metaspace (<see cref="MetaspaceCost.LdcWideningBytes"/>).</param>
/// <param name="FirstFitBytes">The first fit for the same method (<see cref="MetaspaceCost.LdcWidening"/>).</param>
/// <param name="PatchedLdc">1-byte <c>ldc</c> whose index was remapped in place (new index ≤ 255).</param>
public sealed record MethodMergeOutcome(string Name, string Descriptor, int WidenedLdc, int PatchedLdc, long S, int CodeLength, int StackMapTableLength,
    int LineNumberEntries, long EstimatedBytes, long FirstFitBytes);

/// <summary>
/// One <c>merge_cp_and_rewrite</c>: the pool sizes HotSpot logs (<c>old_cp_len</c>,
/// <c>scratch_cp_len</c>, <c>merge_cp_len</c>, <c>index_map_len</c>), what was appended, which
/// <c>ldc</c> widened, the Metaspace estimate, and the class as it is afterwards.
/// </summary>
public sealed record MergeOutcome(
    int OldConstantPoolCount,
    int ScratchConstantPoolCount,
    int MergedConstantPoolCount,
    int IndexMapLength,
    int AppendedEntries,
    int AppendedSlots,
    IReadOnlyList<MethodMergeOutcome> Methods,
    IndexMap IndexMap,
    ClassModel Result)
{
    public int WidenedLdc => Methods.Sum(m => m.WidenedLdc);

    /// <summary>1-byte <c>ldc</c> remapped in place (HotSpot's trace log counts them as index rewrites).</summary>
    public int PatchedLdc => Methods.Sum(m => m.PatchedLdc);

    /// <summary>The reported estimate: Σ methods' clone cost + the refit's 42 KiB base (rebuilt class and merge pool) when anything widened.</summary>
    public long EstimatedBytes => WidenedLdc == 0 ? 0 : Methods.Sum(m => m.EstimatedBytes) + MetaspaceCost.RefitBaseBytes;

    /// <summary>The first fit, Σ W_m × (1.114·S_m + 7.5 KB), kept for comparison.</summary>
    public long FirstFitBytes => Methods.Sum(m => m.FirstFitBytes);

    /// <summary>The merged pool passes the u2 limit: JDK 17 hangs or dies, 21/23+ refuse the redefinition.</summary>
    public bool Overflows => MergedConstantPoolCount > MetaspaceCost.MaxPoolCount;
}
