namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// HotSpot's Metaspace numbers for the retransform path, with the docs/design/hotspot.md section each comes from.
/// All results are bytes.
/// </summary>
public static class MetaspaceCost
{
    /// <summary>docs/design/hotspot.md §4 first fit: bytes per widening per byte of S.</summary>
    public const double FirstFitBytesPerS = 1.114;

    /// <summary>docs/design/hotspot.md §4 first fit: fixed bytes per widening (7.5 KB, taken as KiB).</summary>
    public const double FirstFitBytesPerWidening = 7.5 * 1024;

    /// <summary>docs/design/hotspot.md §4 refit: bytes per widening per byte of code + StackMapTable.</summary>
    public const double RefitBytesPerCodeAndStackMap = 1.16;

    /// <summary>docs/design/hotspot.md §4 refit: bytes per widening per LineNumberTable entry.</summary>
    public const double RefitBytesPerLineEntry = 1.8;

    /// <summary>docs/design/hotspot.md §4 refit: fixed cost of a retransform that rebuilds the pool and widens (42 KiB).</summary>
    public const long RefitBaseBytes = 42 * 1024;

    /// <summary>BL0001 fit (docs/design/hotspot.md §2): bytes per original pool entry per retransform.</summary>
    public const double LeakBytesPerPoolEntryAndRetransform = 28;

    /// <summary>BL0001 fit (docs/design/hotspot.md §2): bytes per N² (at +2 entries per retransform).</summary>
    public const double LeakBytesPerRetransformSquared = 34;

    /// <summary>The u2 limit of a constant pool: a merge past this overflows (docs/design/hotspot.md §5).</summary>
    public const int MaxPoolCount = 65535;

    /// <summary>
    /// First fit of one retransform's growth for one method: W × (1.114·S + 7.5 KB), S = code length
    /// + StackMapTable length + LineNumberTable entries (docs/design/hotspot.md §4; max error 11 % on 9 large
    /// generated methods; only a rough bound for small methods).
    /// </summary>
    public static long LdcWidening(long s, int widened) =>
        widened <= 0 ? 0 : (long)Math.Round(widened * (FirstFitBytesPerS * s + FirstFitBytesPerWidening));

    /// <summary>
    /// Refit, per widened method: 1.16·W·(code + StackMapTable) + 1.8 B·W·LNT entries; add
    /// <see cref="RefitBaseBytes"/> once per retransform that widens (docs/design/hotspot.md §4).
    /// Prices only code, stack map and line numbers; see <see cref="LdcWideningBytes"/>.
    /// </summary>
    public static long LdcWideningRefitMethod(int widened, long codeLength, long stackMapTableLength, long lineNumberEntries) =>
        widened <= 0 ? 0 : (long)Math.Round(widened * (RefitBytesPerCodeAndStackMap * (codeLength + stackMapTableLength) + RefitBytesPerLineEntry * lineNumberEntries));

    /// <summary>
    /// The refit over a class: Σ per method plus the 42 KiB base when anything widened. It was the
    /// reported estimate until the per-component measurements (docs/simulate.md) showed it misses
    /// exception tables, LocalVariableTables and annotations; kept for comparison. The reported
    /// estimate is now <see cref="LdcWideningBytes"/>.
    /// </summary>
    public static long LdcWideningEstimate(IEnumerable<(int Widened, long CodeLength, long StackMapTableLength, long LineNumberEntries)> methods)
    {
        long total = 0;
        bool any = false;
        foreach (var m in methods)
        {
            if (m.Widened <= 0) continue;
            any = true;
            total += LdcWideningRefitMethod(m.Widened, m.CodeLength, m.StackMapTableLength, m.LineNumberEntries);
        }
        return any ? total + RefitBaseBytes : 0;
    }

    /// <summary>
    /// BL0001: Metaspace after <paramref name="retransforms"/> retransforms of a class whose pool
    /// started at <paramref name="cp0"/> entries and grows by 2 per retransform:
    /// ≈ 28 B·cp0·N + 34 B·N² (docs/design/hotspot.md §2, fit on JDK 17, max error 9.6 %).
    /// </summary>
    public static long CatchThrowableLeak(int cp0, long retransforms) =>
        retransforms <= 0 ? 0 : (long)Math.Round(LeakBytesPerPoolEntryAndRetransform * cp0 * retransforms + LeakBytesPerRetransformSquared * retransforms * retransforms);

    /// <summary>
    /// The same fit for any growth pattern: 28 B·cp0·N + 34 B·Σ_r (L_r − cp0), where L_r is the pool
    /// size after retransform r. At +2 per retransform Σ(L_r − cp0) = N(N+1), which is the fit's
    /// 34 B·N². An extrapolation for other growth (e.g. NaN doubling): not measured.
    /// </summary>
    public static long PoolGrowth(int cp0, IReadOnlyList<int> poolSizesAfterEachRetransform)
    {
        if (poolSizesAfterEachRetransform.Count == 0) return 0;
        double extra = 0;
        foreach (int size in poolSizesAfterEachRetransform) extra += Math.Max(0, size - cp0);
        if (extra == 0) return 0;
        return (long)Math.Round(LeakBytesPerPoolEntryAndRetransform * cp0 * poolSizesAfterEachRetransform.Count + LeakBytesPerRetransformSquared * extra);
    }

    /// <summary>
    /// Structural size of the i-th clone of a method (research §4.4; docs/design/hotspot.md §4):
    /// 88 + H + align8(C + i + E) + 8·A + align8(S_smt + 7) + Σ align8(a_j + 7).
    /// </summary>
    public static long StructuralCloneBytes(MethodShape shape, int i, JdkProfile profile)
    {
        long bytes = profile.MethodHeaderBytes + profile.ConstMethodHeaderBytes
            + Align8(shape.CodeLength + i + shape.InlineTableBytes) + 8L * shape.AnnotationKinds;
        if (shape.StackMapTableLength > 0) bytes += Align8(shape.StackMapTableLength + 7);
        if (profile.ClonesCopyAnnotations)
            foreach (int length in shape.AnnotationLengths) bytes += Align8(length + 7);
        return bytes;
    }

    /// <summary>
    /// The Metaspace allocations of the i-th clone, in HotSpot's order (<c>Method::clone_with_new_data</c>):
    /// the ConstMethod (header, code C + i, inline tables, one pointer per annotation kind), the
    /// Method, the StackMapTable array, then on JDK 9+ one array per annotation attribute
    /// (<c>Array&lt;u1&gt;</c>: 4-byte length, data, word-aligned).
    /// </summary>
    public static IEnumerable<long> CloneAllocations(MethodShape shape, int i, JdkProfile profile)
    {
        yield return profile.ConstMethodHeaderBytes + Align8(shape.CodeLength + i + shape.InlineTableBytes) + 8L * shape.AnnotationKinds;
        yield return profile.MethodHeaderBytes;
        if (shape.StackMapTableLength > 0) yield return Align8(shape.StackMapTableLength + 7);
        if (!profile.ClonesCopyAnnotations) yield break;
        foreach (int length in shape.AnnotationLengths) yield return Align8(length + 7);
    }

    /// <summary>
    /// The widening cost of one retransform, per method: every clone's allocations replayed, method
    /// after method, through one class loader's Metaspace arena (<see cref="MetaspaceArena"/>), so
    /// the chunk and commit-granule steps HotSpot's "used" figure takes are priced, not only the bytes
    /// copied (docs/design/hotspot.md §4). Element m is what method m's clones added; 0 when it did not widen.
    /// </summary>
    public static long[] LdcWideningBytes(IReadOnlyList<(MethodShape? Shape, int Widened)> methods, JdkProfile profile)
    {
        var arena = new MetaspaceArena(profile);
        var bytes = new long[methods.Count];
        for (int m = 0; m < methods.Count; m++)
        {
            var (shape, widened) = methods[m];
            if (shape is null || widened <= 0) continue;
            long before = arena.UsedBytes;
            for (int i = 1; i <= widened; i++)
                foreach (long allocation in CloneAllocations(shape, i, profile)) arena.Allocate(allocation);
            bytes[m] = arena.UsedBytes - before;
        }
        return bytes;
    }

    /// <summary>
    /// A bound on <see cref="LdcWideningBytes"/> for one method that needs no replay: an arena never
    /// counts more than twice what it hands out: each request retires at most one chunk, and the
    /// remainder it retires is smaller than the request (it did not fit there). Priced at the last,
    /// largest clone.
    /// </summary>
    public static long LdcWideningUpperBound(MethodShape shape, long widened, JdkProfile profile)
    {
        if (widened <= 0) return 0;
        long last = 0;
        foreach (long allocation in CloneAllocations(shape, (int)Math.Min(widened, int.MaxValue), profile))
            last += 2 * allocation;
        return widened * last;
    }

    /// <summary>
    /// A bound on <see cref="LdcWideningUpperBound"/> from raw attribute sizes alone, for skipping methods
    /// without decoding their tables (no allocation). <paramref name="attributeBytes"/> is the sum of the
    /// method's attribute lengths (Code included). Every inline table HotSpot builds is at most 3 × its
    /// class-file form (the compressed line-number stream at worst 11 bytes per 4-byte entry, 12-byte
    /// local-variable entries for 10-byte ones), the stack map and annotations are copied as they are, and
    /// the headers stay under 512 bytes; the arena counts at most twice what it hands out.
    /// </summary>
    public static long CheapLdcWideningUpperBound(long attributeBytes, long widened) =>
        widened <= 0 ? 0 : widened * 2 * (512 + widened + 4 * attributeBytes);

    /// <summary>Total(k): the high-water mark of k chained clones, Σ_{i=1..k} of <see cref="StructuralCloneBytes"/>.</summary>
    public static long StructuralWideningBytes(MethodShape shape, int widened, JdkProfile profile)
    {
        long total = 0;
        for (int i = 1; i <= widened; i++) total += StructuralCloneBytes(shape, i, profile);
        return total;
    }

    /// <summary>The merge pool HotSpot allocates for one retransform: H_cp + 8(L_o+L_s) + align8(7+L_o+L_s) (research §2.7).</summary>
    public static long MergePoolBytes(int oldLength, int scratchLength, JdkProfile profile) =>
        profile.ConstantPoolHeaderBytes + 8L * (oldLength + scratchLength) + Align8(7L + oldLength + scratchLength);

    private static long Align8(long value) => (value + 7) & ~7L;
}
