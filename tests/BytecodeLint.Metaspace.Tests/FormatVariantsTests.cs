using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>Layouts other JDKs and collectors print, written from their HotSpot format strings.</summary>
public class FormatVariantsTests
{
    [Fact]
    public void Jdk11_unified_transition_has_reserved_not_committed()
    {
        var log = JvmLogs.ReadText(
            "[1.234s][info][gc,start     ] GC(3) Pause Full (Metadata GC Threshold)",
            "[1.240s][info][gc,metaspace ] GC(3) Metaspace: 20984K->20984K(1069056K)");
        var s = Assert.Single(log.Samples);
        Assert.Equal(20984L * 1024, s.UsedBytes);
        Assert.Equal(1069056L * 1024, s.ReservedBytes);
        Assert.Null(s.CommittedBytes);
        Assert.Equal("Metadata GC Threshold", s.Cause);
        Assert.Equal(1.24, s.UptimeSeconds);
    }

    [Fact]
    public void Jdk8_command_line_flags_give_the_limit()
    {
        var log = JvmLogs.ReadText(
            "CommandLine flags: -XX:InitialHeapSize=264241152 -XX:MaxMetaspaceSize=134217728 -XX:+PrintGCDetails",
            "2021-10-07T14:13:10.847+0800: 3.100: [Full GC (Metadata GC Threshold) [PSYoungGen: 384K->0K(93696K)] 1366K->1360K(1266176K), [Metaspace: 410659K->410659K(456704K)], 0.0418110 secs]");
        Assert.Equal(128L << 20, log.MaxMetaspaceBytes);
        Assert.Equal(3.1, Assert.Single(log.Samples).UptimeSeconds);
        Assert.Equal(0, log.Lines.NotUnderstood);
    }

    [Fact]
    public void Zgc_cause_and_a_new_run_restarting_gc_ids()
    {
        var log = JvmLogs.ReadText(
            "[0.5s][info][gc] GC(0) Garbage Collection (Metadata GC Threshold) 10M(1%)->8M(1%)",
            "[0.9s][info][gc] GC(1) Garbage Collection (Metadata GC Threshold) 10M(1%)->8M(1%)",
            "[0.4s][info][gc] GC(0) Garbage Collection (Metadata GC Threshold) 12M(1%)->9M(1%)");
        Assert.Equal(3, log.Collections.Count(c => c.IsMetadataThreshold));
    }

    [Fact]
    public void Undecorated_redefine_output_and_named_redefinitions()
    {
        var lines = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            lines.Add("loading name=com.acme.Foo kind=0 (avail_mem=1000K)");
            lines.Add($"old_cp_len={100 + 2 * i}, scratch_cp_len=100");
            lines.Add($"merge_cp_len={102 + 2 * i}, index_map_len=2");
            lines.Add($"redefined name=com.acme.Foo, count={i + 1} (avail_mem=1000K)");
        }
        var log = JvmLogs.ReadText([.. lines]);
        Assert.Equal(12, log.Redefinitions.Count);
        Assert.All(log.Redefinitions, r => Assert.Equal("com.acme.Foo", r.ClassName));
        Assert.Equal(12, log.Redefinitions[^1].JvmCount);
        var d = MetaspaceAnalyzer.Analyze(log);
        Assert.Equal(LeakVerdict.Leak, d.Verdict); // +2 on every one of 12 redefinitions, no GC readings needed
        Assert.Equal("log", d.Classes[0].NameSource);
    }

    [Fact]
    public void Time_decorated_log_uses_wall_clock_axis()
    {
        var lines = Enumerable.Range(0, 6).Select(i =>
            $"[2024-01-01T00:0{i}:00.000+0000][info][gc,metaspace] GC({i}) Metaspace: {4000 + 20000 * i}K({4096 + 20000 * i}K)->{4000 + 20000 * i}K({4096 + 20000 * i}K) NonClass: 1K(1K)->1K(1K) Class: 1K(1K)->1K(1K)");
        var d = MetaspaceAnalyzer.Analyze(JvmLogs.ReadText([.. lines]), new MetaspaceAnalysisOptions { MaxMetaspaceBytes = 256L << 20 });
        Assert.Equal(XAxisKind.WallClockSeconds, d.XAxis);
        Assert.Equal(GrowthShape.Linear, d.Fit!.Shape);
        Assert.Equal(LeakVerdict.Leak, d.Verdict);
        // 20,000 KB a minute from 4,000 KB: 256 MB (262,144 KB) is reached after (262144 - 4000) / 20000 minutes.
        Assert.Equal((262144 - 4000) / 20000.0 * 60, d.Limit.ProjectedX!.Value, 0.5);
        Assert.Equal("option", d.Limit.LimitSource);
    }
}
