namespace BytecodeLint.Metaspace.Analysis;

/// <summary>A Metaspace-triggered collection on the x axis, with what it reclaimed (null when not logged).</summary>
public sealed record GcMarker(double X, int? GcId, string Cause, double? UptimeSeconds, long? BeforeBytes, long? AfterBytes)
{
    public long? ReclaimedBytes => BeforeBytes is { } b && AfterBytes is { } a ? b - a : null;

    /// <summary>Reclaimed less than 1 % of what was used: the collection could not free the Metaspace that triggered it.</summary>
    public bool ReclaimedNothing => BeforeBytes is { } b && AfterBytes is { } a && b - a <= b / 100;
}
