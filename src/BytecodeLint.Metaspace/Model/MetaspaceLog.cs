namespace BytecodeLint.Metaspace.Model;

/// <summary>Everything the readers took from one log file (or from several, read in the order given).</summary>
public sealed class MetaspaceLog
{
    public List<string> Sources { get; } = [];
    public List<MetaspaceSample> Samples { get; } = [];
    public List<GcCollection> Collections { get; } = [];
    public List<Redefinition> Redefinitions { get; } = [];
    public List<VmMetaspaceSnapshot> Snapshots { get; } = [];
    public List<MetaspaceOom> OutOfMemoryErrors { get; } = [];
    public LineStatistics Lines { get; } = new();

    /// <summary>The JVM version string when the log printed one (<c>gc,init</c> "Version:").</summary>
    public string? JvmVersion { get; set; }

    /// <summary>MaxMetaspaceSize as printed by the log (settings block or a <c>-XX:</c> flag), bytes.</summary>
    public long? MaxMetaspaceBytes { get; set; }

    /// <summary>Where <see cref="MaxMetaspaceBytes"/> was read.</summary>
    public LogPosition? MaxMetaspacePosition { get; set; }

    /// <summary>Compressed class space size from the log (reserved size or setting), bytes.</summary>
    public long? CompressedClassSpaceBytes { get; set; }
}
