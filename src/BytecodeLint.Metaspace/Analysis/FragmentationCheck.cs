using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// Metaspace that is allocated but not usable: freed blocks the loader's arena cannot reuse
/// (docs/design/hotspot.md §2: "99.5 % of it sits in free lists"), or committed memory far above what is used.
/// </summary>
public static class FragmentationCheck
{
    /// <summary>Deallocated blocks at or above this share of used Metaspace are reported.</summary>
    public const double DeallocatedShareThreshold = 0.25;

    /// <summary>Committed at or above this multiple of used (and <see cref="MinGapBytes"/> above it) is reported.</summary>
    public const double CommittedRatioThreshold = 1.5;

    public const long MinGapBytes = 8L << 20;

    public static IReadOnlyList<Finding> Check(IReadOnlyList<MetaspaceSample> samples, IReadOnlyList<SnapshotSummary> snapshots)
    {
        var findings = new List<Finding>();
        var loose = samples
            .Where(s => s.CommittedBytes is { } c && c >= CommittedRatioThreshold * s.UsedBytes && c - s.UsedBytes >= MinGapBytes)
            .ToList();
        if (loose.Count > 0)
        {
            var worst = loose.MaxBy(s => (double)s.CommittedBytes!.Value / Math.Max(1, s.UsedBytes))!;
            var committed = worst.CommittedBytes!.Value;
            var message = $"committed {SizeFormat.Bytes(committed)} is {committed / (double)Math.Max(1, worst.UsedBytes):0.0}× used {SizeFormat.Bytes(worst.UsedBytes)}";
            if (worst.CapacityBytes is { } cap && cap > worst.UsedBytes)
                message += $" (capacity {SizeFormat.Bytes(cap)}: {SizeFormat.Bytes(cap - worst.UsedBytes)} inside loader chunks is free or dead)";
            if (worst.ClassCommittedBytes is { } cc && worst.ClassUsedBytes is { } cu && cc >= CommittedRatioThreshold * cu)
                message += $"; class space committed {SizeFormat.Bytes(cc)} for {SizeFormat.Bytes(cu)} used";
            if (loose.Count > 1)
                message += $"; {loose.Count} readings like this";
            var numbers = new Dictionary<string, double>
            {
                ["usedBytes"] = worst.UsedBytes,
                ["committedBytes"] = committed,
                ["readings"] = loose.Count,
            };
            if (worst.CapacityBytes is { } c2)
                numbers["capacityBytes"] = c2;
            findings.Add(new Finding("committed-above-used", message, worst.Position.ToString(), numbers));
        }
        foreach (var s in snapshots)
        {
            if (s.DeallocatedShare is not { } share || share < DeallocatedShareThreshold || s.Snapshot.TotalDeallocatedBytes < 1L << 20)
                continue;
            if (s.Previous is { } p && p.TotalDeallocatedBytes == s.Snapshot.TotalDeallocatedBytes && p.TotalDeallocatedBlocks == s.Snapshot.TotalDeallocatedBlocks && s.DeallocatedDeltaBytes == 0)
                continue; // the same blocks as the report before: said once
            var snap = s.Snapshot;
            var message = $"{SizeFormat.Bytes(snap.TotalDeallocatedBytes!.Value)} in {SizeFormat.Count(snap.TotalDeallocatedBlocks ?? 0)} deallocated blocks: {SizeFormat.Percent(share)} of used Metaspace is freed memory the class loader keeps";
            if (s.MeanDeallocatedBlockBytes is { } mean)
            {
                message += $" (mean block {SizeFormat.Bytes(mean)}"
                           + (mean >= 64 * 1024
                               ? ": method-sized blocks, consistent with ldc widening clones carrying a large StackMapTable, BL0003)"
                               : ": smaller blocks: method copies that ldc widenings replaced, or metadata of old class versions purged by a collection; a redefinition's merged constant pool is in use, never among them)");
            }
            findings.Add(new Finding("deallocated-blocks", message, snap.Position.ToString(), new Dictionary<string, double>
            {
                ["deallocatedBytes"] = snap.TotalDeallocatedBytes.Value,
                ["deallocatedBlocks"] = snap.TotalDeallocatedBlocks ?? 0,
                ["usedBytes"] = snap.UsedBytes ?? 0,
                ["share"] = share,
            }));
        }
        return findings;
    }
}
