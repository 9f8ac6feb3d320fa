using BytecodeLint.Metaspace.ClassNames;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>What the user adds to the logs.</summary>
public sealed record MetaspaceAnalysisOptions
{
    /// <summary>MaxMetaspaceSize when the log does not print it (it wins over the log when set).</summary>
    public long? MaxMetaspaceBytes { get; init; }

    /// <summary>Classes to name unnamed redefinitions by pool length.</summary>
    public IClassPoolIndex? ClassNames { get; init; }

    /// <summary>
    /// The rule id that names a hazard in verdicts. The host passes its rule catalogue's ids; without one
    /// the hazard's own name is used, so this library needs no rule engine.
    /// </summary>
    public Func<PoolHazard, string> RuleIdOf { get; init; } = HazardName;

    /// <summary>The hazard's enum name: the fallback when no host names the rules.</summary>
    public static string HazardName(PoolHazard hazard) => hazard.ToString();
}
