using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// What an <c>ldc</c> widening cost, where two <c>VM.metaspace</c> reports bracket it. Each widening
/// clones its method (code, StackMapTable and tables) and frees the copy it replaces, so the bytes
/// freed between the reports divided by the widenings between them is the size of one method copy.
/// The merged constant pool is not among them: the class uses it; an old version's pool is only freed
/// when the version is purged at a later collection. Only intervals with widenings and no collection
/// logged between the reports are measured (a collection purging old versions frees other metadata).
/// </summary>
public static class WideningCost
{
    /// <summary>Method copies at least this big are stack-map sized: the cost BL0003 is about (docs/design/hotspot.md §4).</summary>
    public const double StackMapSizedBytes = 64 * 1024;

    /// <summary>One measured interval: the redefinitions [From, To) between two reports, their widenings and the bytes freed meanwhile.</summary>
    public sealed record Interval(int From, int To, int Widenings, long FreedBytes, long FreedBlocks)
    {
        public double BytesPerWidening => (double)FreedBytes / Widenings;
    }

    public static IReadOnlyList<Interval> Measure(IReadOnlyList<SnapshotSummary> snapshots, IReadOnlyList<Redefinition> redefinitions, IReadOnlyList<GcCollection> collections)
    {
        var result = new List<Interval>();
        foreach (var s in snapshots)
        {
            if (s.Previous is not { } before || s.DeallocatedDeltaBytes is not { } freed || freed <= 0) continue;
            int from = before.RedefinitionsBefore, to = s.Snapshot.RedefinitionsBefore;
            if (to <= from || to > redefinitions.Count) continue;
            if (collections.Any(c => c.RedefinitionsBefore > from && c.RedefinitionsBefore < to)) continue;
            int widenings = 0;
            for (int i = from; i < to; i++) widenings += redefinitions[i].Widenings;
            if (widenings == 0) continue;
            long blocks = (s.Snapshot.TotalDeallocatedBlocks ?? 0) - (before.TotalDeallocatedBlocks ?? 0);
            result.Add(new Interval(from, to, widenings, freed, blocks));
        }
        return result;
    }

    /// <summary>Freed bytes per widening over the measured intervals holding any of these redefinitions, or null when none does.</summary>
    public static double? PerWidening(IReadOnlyList<Interval> intervals, IReadOnlyList<int> redefinitionIndices)
    {
        long freed = 0;
        int widenings = 0;
        foreach (var interval in intervals)
            if (redefinitionIndices.Any(i => i >= interval.From && i < interval.To))
            {
                freed += interval.FreedBytes;
                widenings += interval.Widenings;
            }
        return widenings > 0 ? (double)freed / widenings : null;
    }
}
