using System.Text.Json;
using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>Pool growth per class, built from logs written in HotSpot's format from measured oracle numbers.</summary>
public class ClassPoolTrackerTests
{
    private static string Oracle(string name) => Path.Combine(RepoPaths.OracleCases, name, "results.json");

    [Fact]
    public void NaN_pool_doubling_is_BL0004()
    {
        // tests/TestData/oracle/cases/nan-javac: merged pool sizes of 13 retransforms measured on JDK 17.
        using var json = JsonDocument.Parse(File.ReadAllText(Oracle("nan-javac")));
        var run = json.RootElement.GetProperty("runs")[0];
        var old = json.RootElement.GetProperty("original_constant_pool_count").GetInt32();
        var lines = new List<string>();
        var t = 1.0;
        foreach (var r in run.GetProperty("per_retransform").EnumerateArray())
        {
            var merge = r.GetProperty("merge_cp_len").GetInt32();
            lines.Add($"[{t:0.000}s][info][redefine,class,constantpool] old_cp_len={old}, scratch_cp_len={old}");
            lines.Add($"[{t:0.000}s][info][redefine,class,constantpool] merge_cp_len={merge}, index_map_len={r.GetProperty("index_map_len").GetInt32()}");
            old = merge;
            t += 1;
        }
        var history = Assert.Single(ClassPoolTracker.Track(JvmLogs.ReadText([.. lines]).Redefinitions, null, TestRuleIds.Of));
        Assert.Equal(13, history.Redefinitions);
        Assert.Equal(PoolGrowthPattern.Doubling, history.Pattern);
        Assert.Equal(PoolHazard.NaNDoubling, history.Hazard);
        Assert.Equal(24602, history.LastPoolLength);
    }

    [Fact]
    public void Widened_ldc_without_a_rebuilt_pool_names_no_rule_until_reports_show_the_method_copies()
    {
        // The pool grew past 255 by appends (a small index map): the widenings are the cost, not a rebuild.
        var lines = new List<string> { "[0.5s][debug][redefine,class,load] loading name=g.Grows kind=0 (avail_mem=1000K)" };
        int old = 250;
        foreach (int growth in new[] { 10, 3, 7 }) // irregular: not BL0001's fixed append
        {
            lines.Add($"[1.0s][info][redefine,class,constantpool] old_cp_len={old}, scratch_cp_len=250");
            lines.Add($"[1.0s][info][redefine,class,constantpool] merge_cp_len={old + growth}, index_map_len=12");
            lines.Add($"[1.0s][trace][redefine,class,constantpool] ldc->ldc_w@0x00007f0000000010 old=12, new={old + 5}");
            lines.Add("[1.1s][info][redefine,class,load] redefined name=g.Grows, count=1 (avail_mem=1000K)");
            old += growth;
        }
        var redefinitions = JvmLogs.ReadText([.. lines]).Redefinitions;
        // The log alone does not show how big the widened methods are: BL0003 is only named when they are stack-map sized.
        var unknown = Assert.Single(ClassPoolTracker.Track(redefinitions, null, TestRuleIds.Of));
        Assert.Null(unknown.RuleId);
        Assert.Contains("VM.metaspace reports before and after", unknown.Explanation);

        var large = Assert.Single(ClassPoolTracker.Track(redefinitions, null, TestRuleIds.Of, _ => 200 * 1024));
        Assert.Equal(PoolHazard.ExpensiveWidening, large.Hazard);
        Assert.Equal("BL0003", large.RuleId);
        Assert.DoesNotContain("BL0002", large.Explanation);

        var small = Assert.Single(ClassPoolTracker.Track(redefinitions, null, TestRuleIds.Of, _ => 4 * 1024));
        Assert.Null(small.RuleId);
        Assert.Contains("BL0003 does not apply", small.Explanation);
    }

    [Fact]
    public void Widened_ldc_with_an_index_map_covering_the_pool_is_BL0002_with_the_widenings_in_the_explanation()
    {
        // tests/TestData/oracle/cases/ldc-smt6k-w115-rebuild: 1,124 → 1,132 entries, index map 826, 115 widenings per redefinition.
        using var json = JsonDocument.Parse(File.ReadAllText(Oracle("ldc-smt6k-w115-rebuild")));
        var log = json.RootElement.GetProperty("runs")[0].GetProperty("log");
        var widened = log.GetProperty("widened_ldc_per_redefinition").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var lines = new List<string> { "[0.5s][debug][redefine,class,load] loading name=g.Huge_smt6k_w115 kind=0 (avail_mem=1000K)" };
        var old = log.GetProperty("first_old_cp_len").GetInt32();
        foreach (var w in widened)
        {
            lines.Add($"[1.0s][info][redefine,class,constantpool] old_cp_len={old}, scratch_cp_len=832");
            lines.Add($"[1.0s][info][redefine,class,constantpool] merge_cp_len=1132, index_map_len=826");
            for (var i = 0; i < w; i++)
                lines.Add($"[1.0s][trace][redefine,class,constantpool] ldc->ldc_w@0x00007f00000{i:x4} old=12, new={300 + i}");
            lines.Add("[1.0s][trace][redefine,class,constantpool] ldc_w@0x00007f0000001234 old=400, new=401"); // a re-index, not a widening
            lines.Add("[1.1s][info][redefine,class,load] redefined name=g.Huge_smt6k_w115, count=1 (avail_mem=1000K)");
            old = 1132;
        }
        var parsed = JvmLogs.ReadText([.. lines]);
        Assert.Equal(0, parsed.Lines.NotUnderstood);
        var h = Assert.Single(ClassPoolTracker.Track(parsed.Redefinitions, null, TestRuleIds.Of));
        Assert.Equal("g.Huge_smt6k_w115", h.ClassName);
        Assert.Equal(widened.Sum(), h.Widenings);
        Assert.Equal(115, h.MaxWideningsPerRedefinition);
        Assert.Equal(PoolHazard.PoolRebuild, h.Hazard); // the cause; the widenings are its effect
        Assert.Equal("BL0002", h.RuleId);
        Assert.Contains("ldc widened", h.Explanation);
    }

    [Fact]
    public void Unnamed_classes_are_chained_by_pool_length()
    {
        // Two classes retransformed alternately: A grows +2 (39, 41, 43…), B stays at 500.
        var lines = new List<string>();
        var a = 39;
        for (var i = 0; i < 12; i++)
        {
            lines.Add($"old_cp_len={a}, scratch_cp_len={a}");
            lines.Add($"merge_cp_len={a + 2}, index_map_len=2");
            a += 2;
            lines.Add("old_cp_len=500, scratch_cp_len=500");
            lines.Add("merge_cp_len=500, index_map_len=0");
        }
        var histories = ClassPoolTracker.Track(JvmLogs.ReadText([.. lines]).Redefinitions, null, TestRuleIds.Of);
        Assert.Equal(2, histories.Count);
        var growing = Assert.Single(histories, h => h.Pattern == PoolGrowthPattern.Constant);
        Assert.Equal(39, growing.FirstPoolLength);
        Assert.Equal(12, growing.Redefinitions);
        Assert.Equal(PoolHazard.CatchThrowableReresolution, growing.Hazard);
        Assert.Single(histories, h => h.Pattern == PoolGrowthPattern.None && h.FirstPoolLength == 500);
    }

    [Fact]
    public void Law_estimate_uses_the_initial_pool_and_count()
    {
        var lines = Enumerable.Range(0, 100).SelectMany(i => new[] { $"old_cp_len={39 + 2 * i}, scratch_cp_len=39", $"merge_cp_len={41 + 2 * i}, index_map_len=2" });
        var h = Assert.Single(ClassPoolTracker.Track(JvmLogs.ReadText([.. lines]).Redefinitions, null, TestRuleIds.Of));
        Assert.Equal(28.0 * 39 * 100 + 34.0 * 100 * 100, h.LawEstimateBytes);
    }
}
