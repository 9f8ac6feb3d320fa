namespace BytecodeLint.Metaspace.Model;

/// <summary>A garbage collection with its cause and, when printed, its Metaspace before and after.</summary>
public sealed record GcCollection
{
    public required LogPosition Position { get; init; }
    public int? GcId { get; init; }
    public required string Cause { get; init; }
    public double? UptimeSeconds { get; init; }
    public DateTimeOffset? Time { get; init; }
    public long? MetaspaceBeforeBytes { get; set; }
    public long? MetaspaceAfterBytes { get; set; }
    public int RedefinitionsBefore { get; init; }

    /// <summary>Caused by Metaspace reaching its GC threshold (HotSpot's <c>_metadata_GC_threshold</c>).</summary>
    public bool IsMetadataThreshold => Cause.Equals("Metadata GC Threshold", StringComparison.Ordinal);

    /// <summary>Either Metaspace-triggered cause, including the last-ditch "Clear Soft References" collection.</summary>
    public bool IsMetadataTriggered => Cause.StartsWith("Metadata GC", StringComparison.Ordinal);
}
