namespace BytecodeLint.Metaspace.Model;

/// <summary>A Metaspace or compressed-class-space exhaustion.</summary>
public sealed record MetaspaceOom
{
    public required LogPosition Position { get; init; }

    /// <summary><c>Metaspace</c> or <c>Compressed class space</c>.</summary>
    public required string Space { get; init; }

    public double? UptimeSeconds { get; init; }
    public DateTimeOffset? Time { get; init; }
    public int RedefinitionsBefore { get; init; }

    /// <summary>The failed allocation size in words, when the log printed it.</summary>
    public long? FailedAllocationWords { get; init; }
}
