using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.Model;
using BytecodeLint.Metaspace.Reading;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>
/// Loaded classes between two VM.metaspace reports, against the redefinitions between them: +1 per
/// redefinition is normal (the scratch class, measured with no lambdas), more points at classes spun after
/// every retransform (BL0005: measured +1 class and ≈ 1.5 KB per executed lambda site per round).
/// </summary>
public sealed class ClassCountTests
{
    private static string Snapshot(int classes) =>
        File.ReadAllText(JvmLogs.VmMetaspaceBefore).Replace("33 loaders, 1798 classes", $"33 loaders, {classes} classes", StringComparison.Ordinal);

    private static string Redefinitions(int count)
    {
        var lines = new List<string> { "[0.5s][debug][redefine,class,load] loading name=p.Lambdas kind=0 (avail_mem=1000K)" };
        for (int i = 0; i < count; i++)
        {
            lines.Add("[1.0s][info][redefine,class,constantpool] old_cp_len=120, scratch_cp_len=120");
            lines.Add("[1.0s][info][redefine,class,constantpool] merge_cp_len=120, index_map_len=0");
            lines.Add("[1.1s][info][redefine,class,load] redefined name=p.Lambdas, count=1 (avail_mem=1000K)");
        }
        return string.Join("\n", lines) + "\n";
    }

    private static MetaspaceDiagnosis Diagnose(int before, int redefinitions, int after)
    {
        var log = new MetaspaceLog();
        MetaspaceLogReader.Read(new StringReader(Snapshot(before)), "before.txt", log);
        MetaspaceLogReader.Read(new StringReader(Redefinitions(redefinitions)), "redefine.log", log);
        MetaspaceLogReader.Read(new StringReader(Snapshot(after)), "after.txt", log);
        Assert.Equal(redefinitions, log.Redefinitions.Count);
        return MetaspaceAnalyzer.Analyze(log, new MetaspaceAnalysisOptions { RuleIdOf = TestRuleIds.Of });
    }

    [Fact]
    public void Classes_beyond_one_per_redefinition_point_at_re_linked_lambda_sites()
    {
        // 8 executed lambda sites, 100 retransforms: +100 scratch classes and +800 hidden classes.
        var d = Diagnose(1798, 100, 1798 + 100 + 800);
        var finding = Assert.Single(d.ClassCounts);
        Assert.Equal(8, finding.Numbers["extraClassesPerRedefinition"], 3);
        Assert.Contains("BL0005", finding.Message);
        Assert.Contains(d.Evidence, e => e.StartsWith("Classes: ", StringComparison.Ordinal) && e.Contains("≈ 8 per redefinition"));
    }

    [Fact]
    public void One_class_per_redefinition_is_the_scratch_class_not_a_leak()
    {
        var d = Diagnose(1798, 100, 1798 + 100);
        var finding = Assert.Single(d.ClassCounts);
        Assert.DoesNotContain("BL0005", finding.Message);
        Assert.Contains("scratch class", finding.Message);
    }

    [Fact]
    public void Fewer_classes_than_redefinitions_mean_the_reports_do_not_bracket_them()
    {
        // Both reports taken after the retransforms (as the allocation instrumenter's start-up run): not "one per redefinition".
        var finding = Assert.Single(Diagnose(1798, 100, 1798).ClassCounts);
        Assert.Contains("do not bracket", finding.Message);
        Assert.DoesNotContain("about one per redefinition", finding.Message);
    }

    [Fact]
    public void Without_redefinitions_between_reports_nothing_is_said()
    {
        var log = new MetaspaceLog();
        MetaspaceLogReader.Read(new StringReader(Snapshot(1798)), "before.txt", log);
        MetaspaceLogReader.Read(new StringReader(Snapshot(2000)), "after.txt", log);
        Assert.Empty(MetaspaceAnalyzer.Analyze(log).ClassCounts);
    }
}
