namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Returns the memory of finished inputs before later inputs grow the heap further. An input's working
/// state (its class entry list and archive names, the rules' per-artifact services such as BL0002's stubs
/// and call graph, its diagnostics sink) lives as long as the input is scanned, so the young-generation
/// collections that run meanwhile promote much of it. Once the input is done it is garbage in gen2 and the
/// large object heap, which the GC collects only when gen2's budget is spent, and that budget grows with the
/// run: the same 50 jars scanned 16 times over peaked at 2.6 times the peak of scanning them once (CLI with its
/// gen0 cap), with ~25 MB live between inputs (docs/performance.md, "At scale").
/// <para>
/// After each input this compares the older generations (gen1, gen2, large and pinned objects, as the last
/// collection left them) with what the last full collection it ran left; once they have grown by
/// <see cref="Budget"/> it runs one blocking full collection. Between those it costs one
/// <see cref="GC.GetGCMemoryInfo()"/> call per input. Thread-safe: inputs finish on several threads.
/// </para>
/// </summary>
internal sealed class FinishedInputCollector
{
    /// <summary>Growth of the older generations that triggers a collection (16 MB: 50 jars ×16 peaked 211 MB; 32 MB: 227; none: 255-283).</summary>
    public const long DefaultBudget = 16L << 20;

    private readonly Lock _lock = new();
    private readonly Func<long> _olderGenerations;
    private readonly Func<GCCollectionMode, long> _collect;
    private long _retained;

    /// <summary>A collector over this process's GC.</summary>
    public FinishedInputCollector(long budget) : this(budget, OlderGenerationsNow, CollectFully) { }

    /// <summary>
    /// A collector over any heap: <paramref name="olderGenerations"/> reads the older generations' size as the
    /// last collection left it, <paramref name="collect"/> runs a full collection and returns what it left.
    /// The GC is process-wide, so tests of the policy use a heap of their own.
    /// </summary>
    internal FinishedInputCollector(long budget, Func<long> olderGenerations, Func<GCCollectionMode, long> collect)
    {
        Budget = budget > 0 ? budget : throw new ArgumentOutOfRangeException(nameof(budget));
        _olderGenerations = olderGenerations;
        _collect = collect;
    }

    public long Budget { get; }

    /// <summary>Full collections run so far.</summary>
    public int Collections { get; private set; }

    /// <summary>Called when an input is finished and its artifact disposed; collects when the older generations grew past the budget.</summary>
    public void InputFinished()
    {
        lock (_lock)
        {
            if (_olderGenerations() - _retained < Budget) return;
            Collect(GCCollectionMode.Forced);
        }
    }

    /// <summary>
    /// Collects now, whatever the growth: before an input that runs alone because it is large. Aggressive
    /// hands the freed regions back to the system at once, so the large input starts from what is live; the
    /// periodic collections keep them for reuse (decommitting each time cost more system time than it saved).
    /// </summary>
    public void CollectNow()
    {
        lock (_lock) Collect(GCCollectionMode.Aggressive);
    }

    private void Collect(GCCollectionMode mode)
    {
        _retained = _collect(mode);
        Collections++;
    }

    private static long OlderGenerationsNow() => OlderGenerations(GC.GetGCMemoryInfo());

    private static long CollectFully(GCCollectionMode mode)
    {
        GC.Collect(GC.MaxGeneration, mode, blocking: true, compacting: true);
        return OlderGenerations(GC.GetGCMemoryInfo(GCKind.FullBlocking));
    }

    /// <summary>Bytes in gen1, gen2, the large and the pinned object heap after the last collection.</summary>
    private static long OlderGenerations(GCMemoryInfo info)
    {
        long bytes = 0;
        var generations = info.GenerationInfo;
        for (int generation = 1; generation < generations.Length; generation++)
            bytes += generations[generation].SizeAfterBytes;
        return bytes;
    }
}
