namespace BytecodeLint.Metaspace.Model;

/// <summary>
/// One Metaspace reading. Sizes are bytes; null when the format does not print them (JDK 8's
/// <c>[Metaspace: a->b(c)]</c> has no committed size, JDK 16+ has no capacity).
/// </summary>
public sealed record MetaspaceSample
{
    public required LogPosition Position { get; init; }
    public required SampleKind Kind { get; init; }
    public double? UptimeSeconds { get; init; }
    public DateTimeOffset? Time { get; init; }
    public int? GcId { get; init; }
    public string? Cause { get; init; }

    /// <summary>Used before the collection (only for <see cref="SampleKind.AfterGc"/>).</summary>
    public long? UsedBeforeBytes { get; init; }

    public required long UsedBytes { get; init; }
    public long? CapacityBytes { get; init; }
    public long? CommittedBytes { get; init; }
    public long? ReservedBytes { get; init; }
    public long? ClassUsedBytes { get; init; }
    public long? ClassCommittedBytes { get; init; }
    public long? ClassReservedBytes { get; init; }

    /// <summary>Bytes in deallocated blocks (VM.metaspace only): freed, but kept by the class loaders' arenas.</summary>
    public long? DeallocatedBytes { get; init; }

    /// <summary>Redefinitions (of any class) seen earlier in the same input: ties a reading to the retransform count.</summary>
    public int RedefinitionsBefore { get; init; }
}
