namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// The bytecode hazard a class's pool history points at. The log reader knows the hazards, not the rule
/// engine: the host maps each one to its rule id (<see cref="MetaspaceAnalysisOptions.RuleIdOf"/>).
/// </summary>
public enum PoolHazard
{
    /// <summary>A fixed number of entries appended per redefinition: catch (Throwable) pre-resolution.</summary>
    CatchThrowableReresolution,

    /// <summary>Appended entries double per redefinition: NaN constants never compare equal in the merge.</summary>
    NaNDoubling,

    /// <summary>ldc widened to ldc_w: each widening clones the method with its stack map.</summary>
    ExpensiveWidening,

    /// <summary>The index map covers most of the pool: the transformer rebuilt the constant pool.</summary>
    PoolRebuild,

    /// <summary>Classes defined after every retransform: lambda and type-switch sites re-link and spin hidden classes.</summary>
    IndyRelink,
}
