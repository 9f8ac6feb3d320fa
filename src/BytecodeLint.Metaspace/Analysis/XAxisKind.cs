namespace BytecodeLint.Metaspace.Analysis;

/// <summary>What the series is plotted and fitted against.</summary>
public enum XAxisKind
{
    /// <summary>Redefinitions of the class that was redefined most (the leak suspect).</summary>
    Retransforms,

    /// <summary>JVM uptime in seconds.</summary>
    UptimeSeconds,

    /// <summary>Seconds since the first time-stamped reading.</summary>
    WallClockSeconds,

    /// <summary>The reading's position in the log (no usable clock).</summary>
    SampleNumber,
}
