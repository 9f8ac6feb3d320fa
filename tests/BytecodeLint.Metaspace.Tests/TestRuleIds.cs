using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>The rule ids the CLI hands the log reader (the library itself knows only hazards).</summary>
internal static class TestRuleIds
{
    public static string Of(PoolHazard hazard) => hazard switch
    {
        PoolHazard.CatchThrowableReresolution => "BL0001",
        PoolHazard.PoolRebuild => "BL0002",
        PoolHazard.ExpensiveWidening => "BL0003",
        PoolHazard.NaNDoubling => "BL0004",
        PoolHazard.IndyRelink => "BL0005",
        _ => throw new ArgumentOutOfRangeException(nameof(hazard)),
    };
}
