using BytecodeLint.Analysis.Metaspace.ClassNames;

namespace BytecodeLint.Analysis.Metaspace.Analysis;

/// <summary>What the user adds to the logs.</summary>
public sealed record MetaspaceAnalysisOptions
{
    /// <summary>MaxMetaspaceSize when the log does not print it (it wins over the log when set).</summary>
    public long? MaxMetaspaceBytes { get; init; }

    /// <summary>Classes to name unnamed redefinitions by pool length.</summary>
    public IClassPoolIndex? ClassNames { get; init; }
}
