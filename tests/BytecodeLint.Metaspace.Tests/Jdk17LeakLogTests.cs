using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>
/// OpenJDK 17.0.15, -XX:MaxMetaspaceSize=128m, t1.CatchThrowable retransformed until
/// OutOfMemoryError: Metaspace at retransform 1,888 (tests/TestData/README.md, docs/design/hotspot.md §2).
/// </summary>
public class Jdk17LeakLogTests
{
    private static readonly Lazy<MetaspaceDiagnosis> Named = new(() => JvmLogs.Diagnose(JvmLogs.Jdk17Leak));

    [Fact]
    public void Every_line_is_understood()
    {
        var lines = Named.Value.Lines;
        Assert.Equal(0, lines.NotUnderstood);
        Assert.Equal(lines.Lines, lines.Used + lines.Skipped);
    }

    [Fact]
    public void The_leak_is_detected()
    {
        var d = Named.Value;
        Assert.Equal(LeakVerdict.Leak, d.Verdict);
        Assert.StartsWith("LEAK", d.Headline);
        Assert.DoesNotContain(d.Evidence, e => e.Contains("mixes several runs"));
        // From the first collection (about 4 MB) to the OOM (128 MB limit).
        Assert.InRange(d.LastRetainedBytes!.Value - d.FirstRetainedBytes!.Value, 110L << 20, 128L << 20);
    }

    [Fact]
    public void Growth_is_quadratic_in_retransforms()
    {
        var d = Named.Value;
        Assert.Equal(XAxisKind.Retransforms, d.XAxis);
        Assert.Equal(GrowthShape.Quadratic, d.Fit!.Shape);
        Assert.True(d.Fit.RSquared > 0.99);
        // docs/design/hotspot.md §2: ≈ 34–37 B·N² dominates; the fitted N² coefficient must be of that size.
        Assert.InRange(d.Fit.Coefficients[2], 25, 50);
    }

    [Fact]
    public void The_oom_point_is_found_at_retransform_1888()
    {
        var limit = Named.Value.Limit;
        Assert.Equal("Metaspace", limit.OomSpace);
        Assert.Equal(1888.0, limit.OomX!.Value);
        Assert.Equal(128L << 20, limit.LimitBytes);
        Assert.Equal("log", limit.LimitSource);
        // The fitted law, solved for the limit, lands on the observed OOM within 2 %.
        Assert.InRange(limit.ProjectedX!.Value, 1888 * 0.98, 1888 * 1.02);
    }

    [Fact]
    public void CatchThrowable_grows_two_entries_per_redefinition_explained_by_BL0001()
    {
        var c = Named.Value.Classes[0];
        Assert.Equal("t1.CatchThrowable", c.ClassName);
        Assert.Equal(1888, c.Redefinitions);
        Assert.Equal(PoolGrowthPattern.Constant, c.Pattern);
        Assert.Equal(2, c.TypicalGrowth);
        Assert.Equal(39, c.FirstPoolLength);
        Assert.Equal(39 + 2 * 1888, c.LastPoolLength);
        Assert.Equal("BL0001", c.RuleId);
        Assert.Same(c, Named.Value.FocusClass);
    }

    [Fact]
    public void Without_class_files_the_class_is_described_by_its_pool_length()
    {
        var d = JvmLogs.Diagnose(JvmLogs.Jdk17Leak, withClass: false);
        var c = d.Classes[0];
        Assert.Null(c.ClassName);
        Assert.Contains("initial pool 39", c.Label);
        Assert.Equal("BL0001", c.RuleId);
        Assert.Equal(1888.0, d.Limit.OomX!.Value);
    }

    [Fact]
    public void Metadata_GC_threshold_collections_reclaim_nothing()
    {
        var d = Named.Value;
        // 24 log lines name the cause: a start and an end line for each of 12 collections (GC ids 14…32).
        Assert.Equal(12, d.MetadataThresholdCollections);
        Assert.Equal(12, d.MetadataThresholdReclaimedNothing);
        Assert.Contains(d.MetadataCollections, m => m.Cause == "Metadata GC Clear Soft References" && m.GcId == 33);
    }

    [Fact]
    public void Series_holds_committed_and_class_space()
    {
        var log = JvmLogs.Read(JvmLogs.Jdk17Leak);
        var afterGc = log.Samples.Where(s => s.Kind == SampleKind.AfterGc).ToList();
        Assert.Equal(29, afterGc.Count); // one "GC(n) Metaspace:" line per full/young pause
        var first = afterGc[0];
        Assert.Equal(3986L * 1024, first.UsedBytes);
        Assert.Equal(4096L * 1024, first.CommittedBytes);
        Assert.Equal(433L * 1024, first.ClassUsedBytes);
        Assert.Equal(512L * 1024, first.ClassCommittedBytes);
        var exit = log.Samples.Last(s => s.Kind == SampleKind.HeapPrintout);
        Assert.Equal(130791L * 1024, exit.UsedBytes);
        Assert.Equal(311296L * 1024, exit.ReservedBytes);
        Assert.Equal(449L * 1024, exit.ClassUsedBytes);
        Assert.Equal("17.0.15+6-Debian-1deb12u1", log.JvmVersion);
    }

    [Fact]
    public void The_first_half_of_the_log_predicts_the_oom_point()
    {
        // Only the readings up to retransform ~950 (no OOM yet, no limit printed) plus the flag value:
        // the quadratic law must land within 10 % of the OOM that really came at 1,888.
        using var reader = Reading.LogFile.OpenText(JvmLogs.Jdk17Leak);
        var lines = reader.ReadToEnd().Split('\n');
        var log = JvmLogs.ReadText(lines[..(lines.Length / 2)]);
        var d = MetaspaceAnalyzer.Analyze(log, new MetaspaceAnalysisOptions { MaxMetaspaceBytes = 128L << 20 });
        Assert.Null(d.Limit.OomSpace);
        Assert.Equal(GrowthShape.Quadratic, d.Fit!.Shape);
        Assert.InRange(d.Limit.ProjectedX!.Value, 1888 * 0.9, 1888 * 1.1);
    }
}
