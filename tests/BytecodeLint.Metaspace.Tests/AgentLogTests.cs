using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>
/// Real agents retransforming on request (tests/TestData/logs/agents, tests/TestData/README.md): a
/// VM.metaspace report before, the redefinition log, a report after. Most of the growth between the
/// reports is the agent's own class loading, not the retransformed class.
/// </summary>
public class AgentLogTests
{
    private static MetaspaceDiagnosis Diagnose(string run) =>
        MetaspaceAnalyzer.Analyze(JvmLogs.Read(Agent(run + ".before.txt"), Agent(run + ".redefine.log.gz"), Agent(run + ".after.txt")),
            new MetaspaceAnalysisOptions { RuleIdOf = TestRuleIds.Of });

    private static string Agent(string file) => JvmLogs.Path(Path.Combine("agents", file));

    [Fact]
    public void Byteman_growth_is_split_between_its_own_classes_and_the_retransformed_class()
    {
        var d = Diagnose("byteman-17.0.15");

        var split = Assert.Single(d.GrowthSplits).Numbers;
        Assert.Equal(1, split["redefinitions"]);
        Assert.Equal(1, split["redefinedClasses"]);
        Assert.Equal(1393 - 1187 - 1, split["agentClasses"]);            // one scratch class per redefinition is not the agent's
        Assert.Equal(977 - 947, split["agentSharedClasses"]);
        Assert.Equal(3239016 - 1666688, split["nonClassGrowthBytes"]);   // Non-Class "used" of the two reports
        Assert.Equal(378528 - 416, split["wideningFreedBytes"]);        // Non-Class "deallocated" of the two reports
        Assert.Equal(263856 - 146576, split["classSpaceGrowthBytes"]);
        Assert.Equal(split["nonClassGrowthBytes"], split["agentEstimateBytes"] + split["retransformEstimateBytes"], 3);
        Assert.True(split["retransformEstimateBytes"] >= split["wideningFreedBytes"]); // the freed method copies are the retransform's
        Assert.True(split["agentEstimateBytes"] > 2 * split["retransformEstimateBytes"], "Byteman's rule compilation is most of the growth");

        Assert.Contains("agent's own class loading", d.Headline);
        Assert.Contains("(BL0002)", d.Headline);
        Assert.Contains(d.Evidence, e => e.StartsWith("Growth split: 1 redefinition of 1 class and 205 classes loaded by the agent itself", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rebuilt_pool_with_small_methods_is_BL0002_and_not_BL0003()
    {
        var h = Assert.Single(Diagnose("byteman-17.0.15").Classes);
        Assert.Equal("BL0002", h.RuleId);
        Assert.Equal(83, h.Widenings);
        Assert.Equal((382448.0 - 2424) / 83, h.BytesPerWidening!.Value, 3); // freed between the reports, per widening: one method copy
        Assert.Contains("BL0003 does not apply", h.Explanation);
    }

    [Fact]
    public void OpenJPA_writer_path_is_split_the_same_way()
    {
        var d = Diagnose("openjpa-17.0.15");
        var split = Assert.Single(d.GrowthSplits).Numbers;
        Assert.Equal(961 - 863 - 1, split["agentClasses"]);
        Assert.Equal(1, split["redefinedClasses"]);
        Assert.True(split["retransformEstimateBytes"] >= split["wideningFreedBytes"]);
        Assert.Equal("BL0002", Assert.Single(d.Classes).RuleId);
        var counts = Assert.Single(d.ClassCounts);
        Assert.Contains("the agent's own", counts.Message);
        Assert.Contains("scratch class", counts.Message);
    }

    [Fact]
    public void Freed_method_copies_are_never_called_merged_constant_pools()
    {
        foreach (var run in new[] { "byteman-17.0.15", "byteman-25.0.3", "openjpa-17.0.15" })
            Assert.DoesNotContain(Diagnose(run).Evidence, e => e.Contains("freed", StringComparison.Ordinal) && e.Contains("merged constant pool", StringComparison.Ordinal) && !e.Contains("never", StringComparison.Ordinal));
    }

    [Fact]
    public void Widenings_between_reports_that_free_stack_map_sized_copies_are_BL0003()
    {
        // The real reports around one retransform that widened 457 ldc in a method with a 708 KB StackMapTable
        // (tests/TestData/README.md), with that redefinition's lines between them: a pool grown by appends, not rebuilt.
        var lines = new List<string>
        {
            "[1.0s][info][redefine,class,constantpool] old_cp_len=1200, scratch_cp_len=1200",
            "[1.0s][info][redefine,class,constantpool] merge_cp_len=1210, index_map_len=12",
        };
        for (int i = 0; i < 457; i++) lines.Add($"[1.0s][trace][redefine,class,constantpool] ldc->ldc_w@0x00007f00000{i:x5} old={i + 1}, new={i + 300}");
        var log = JvmLogs.Read(JvmLogs.VmMetaspaceBefore);
        Reading.MetaspaceLogReader.Read(new StringReader(string.Join("\n", lines)), "redefine.log", log);
        Reading.MetaspaceLogReader.Read(new StreamReader(JvmLogs.VmMetaspaceAfter), JvmLogs.VmMetaspaceAfter, log);

        var h = Assert.Single(MetaspaceAnalyzer.Analyze(log, new MetaspaceAnalysisOptions { RuleIdOf = TestRuleIds.Of }).Classes);
        Assert.Equal("BL0003", h.RuleId);
        Assert.True(h.BytesPerWidening > WideningCost.StackMapSizedBytes, $"{h.BytesPerWidening} bytes per widening");
    }

    [Fact]
    public void The_summary_line_of_a_JDK_25_report_is_not_a_reading_of_its_own()
    {
        var d = Diagnose("byteman-25.0.3");
        Assert.Equal(2, d.Series.Count); // one per report, not the "Metaspace used …K" line above each
        Assert.Equal(LeakVerdict.Inconclusive, d.Verdict);
        Assert.Equal(1701 - 1491 - 1, Assert.Single(d.GrowthSplits).Numbers["agentClasses"]);
    }
}
