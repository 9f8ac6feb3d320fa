namespace BytecodeLint.Metaspace.Model;

/// <summary>
/// A <c>jcmd &lt;pid&gt; VM.metaspace</c> report (or the same block the JVM logs with a Metaspace OOM):
/// usage per space, deallocated blocks, virtual space and the settings that bound growth.
/// </summary>
public sealed record VmMetaspaceSnapshot
{
    public required LogPosition Position { get; init; }
    public double? UptimeSeconds { get; init; }
    public int RedefinitionsBefore { get; init; }

    /// <summary>True for the short block printed with an OOM (<c>Usage:</c>), false for a full jcmd report.</summary>
    public bool FromOomReport { get; init; }

    public int? Loaders { get; set; }
    public int? Classes { get; set; }
    public int? SharedClasses { get; set; }
    public SpaceUsage NonClass { get; } = new();
    public SpaceUsage Class { get; } = new();
    public SpaceUsage Both { get; } = new();
    public long? ReservedBytes { get; set; }
    public long? VirtualCommittedBytes { get; set; }
    public long? ClassReservedBytes { get; set; }
    public long? DeallocatedBytes { get; set; }
    public long? DeallocatedBlocks { get; set; }
    public long? MaxMetaspaceBytes { get; set; }
    public bool MaxMetaspaceUnlimited { get; set; }
    public long? CompressedClassSpaceBytes { get; set; }
    public long? CurrentGcThresholdBytes { get; set; }

    /// <summary><c>num_allocs_failed_limit</c>: allocations refused because MaxMetaspaceSize was reached.</summary>
    public long? AllocationsFailedAtLimit { get; set; }

    /// <summary>Total used, whichever row printed it.</summary>
    public long? UsedBytes => Both.UsedBytes ?? SumOrNull(NonClass.UsedBytes, Class.UsedBytes);

    /// <summary>Total committed: the usage table's, else the virtual space's.</summary>
    public long? CommittedBytes => Both.CommittedBytes ?? VirtualCommittedBytes;

    /// <summary>Bytes in deallocated blocks: the waste summary's total, else the usage table's.</summary>
    public long? TotalDeallocatedBytes => DeallocatedBytes ?? Both.DeallocatedBytes ?? SumOrNull(NonClass.DeallocatedBytes, Class.DeallocatedBytes);

    public long? TotalDeallocatedBlocks => DeallocatedBlocks ?? Both.DeallocatedBlocks ?? SumOrNull(NonClass.DeallocatedBlocks, Class.DeallocatedBlocks);

    private static long? SumOrNull(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
