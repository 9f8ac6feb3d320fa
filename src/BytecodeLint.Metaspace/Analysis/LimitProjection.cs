namespace BytecodeLint.Metaspace.Analysis;

/// <summary>The Metaspace limit and when it is (or was) reached.</summary>
public sealed record LimitProjection
{
    /// <summary>The limit in bytes, or null when neither the log nor the options give one.</summary>
    public long? LimitBytes { get; init; }

    /// <summary>"log", "option", "OOM point" (committed Metaspace when the OOM was logged), or null.</summary>
    public string? LimitSource { get; init; }

    /// <summary>The x where the fitted curve reaches the limit, when it does.</summary>
    public double? ProjectedX { get; init; }

    /// <summary>Estimated uptime at <see cref="ProjectedX"/> (retransform axis: at the observed retransform rate).</summary>
    public double? ProjectedUptimeSeconds { get; init; }

    /// <summary>x of the first logged Metaspace OOM.</summary>
    public double? OomX { get; init; }

    public double? OomUptimeSeconds { get; init; }
    public string? OomSpace { get; init; }
    public string? OomWhere { get; init; }
}
