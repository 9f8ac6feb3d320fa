using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>A <c>VM.metaspace</c> report reduced to what the diagnosis uses, plus its change from the previous report.</summary>
public sealed record SnapshotSummary(VmMetaspaceSnapshot Snapshot, VmMetaspaceSnapshot? Previous)
{
    public long? UsedDeltaBytes => Snapshot.UsedBytes - Previous?.UsedBytes;
    public long? CommittedDeltaBytes => Snapshot.CommittedBytes - Previous?.CommittedBytes;
    public long? DeallocatedDeltaBytes => Snapshot.TotalDeallocatedBytes - Previous?.TotalDeallocatedBytes;

    /// <summary>Share of used Metaspace sitting in deallocated blocks: freed, but kept by the loader's arena.</summary>
    public double? DeallocatedShare => Snapshot.TotalDeallocatedBytes is { } d && Snapshot.UsedBytes is { } u && u > 0 ? (double)d / u : null;

    /// <summary>Mean size of a deallocated block.</summary>
    public double? MeanDeallocatedBlockBytes => Snapshot.TotalDeallocatedBytes is { } d && Snapshot.TotalDeallocatedBlocks is { } n && n > 0 ? (double)d / n : null;
}
