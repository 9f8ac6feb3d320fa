using BytecodeLint.Analysis.Engine;
using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Cli.Commands;

/// <summary>
/// Which rule finds each hazard the log reader recognises: the Metaspace library knows hazards, the
/// rule catalogue knows ids, and the host joins them.
/// </summary>
internal static class HazardRules
{
    public static string IdOf(PoolHazard hazard) => hazard switch
    {
        PoolHazard.CatchThrowableReresolution => RuleIds.CatchThrowable,
        PoolHazard.PoolRebuild => RuleIds.PoolRebuild,
        PoolHazard.ExpensiveWidening => RuleIds.ExpensiveWidening,
        PoolHazard.NaNDoubling => RuleIds.NaNConstant,
        PoolHazard.IndyRelink => RuleIds.IndyRelink,
        _ => throw new ArgumentOutOfRangeException(nameof(hazard), hazard, "no rule for this hazard"),
    };
}
