using BytecodeLint.Analysis.Baseline;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Baseline;

public class BaselineTests
{
    private static Diagnostic Finding(string cls, string evidence, int? line = null, string rule = "BL0001") =>
        new(RuleRegistry.Find(rule)!, Severity.Warning, "m", new DiagnosticLocation("/abs/app.jar", "/abs/app.jar!/x.class", cls, "run", "()V", 3, line), new Dictionary<string, double>(), evidence);

    [Fact]
    public void Identity_ignores_line_offset_and_absolute_paths()
    {
        var a = Finding("com.A", "catch@Throwable", line: 10);
        var b = Finding("com.A", "catch@Throwable", line: 99) with { Location = a.Location with { Artifact = "/other/app.jar", Entry = "/other/app.jar!/x.class", BytecodeOffset = 40, Line = 99 } };
        Assert.Equal(FindingIdentity.Of(a), FindingIdentity.Of(b));
        Assert.Equal(FindingIdentity.Of(a).Fingerprint, FindingIdentity.Of(b).Fingerprint);
        Assert.NotEqual(FindingIdentity.Of(a), FindingIdentity.Of(Finding("com.A", "other evidence")));
        Assert.NotEqual(FindingIdentity.Of(a).Fingerprint, FindingIdentity.Of(Finding("com.B", "catch@Throwable")).Fingerprint);
    }

    [Fact]
    public void Class_less_finding_is_keyed_by_the_portable_entry()
    {
        var d = new Diagnostic(RuleRegistry.Find("BL9001")!, Severity.Warning, "m", new DiagnosticLocation("/abs/app.jar", "/abs/app.jar!/lib/x.jar!/Bad.class"), new Dictionary<string, double>(), "offset 4");
        Assert.Equal("app.jar!/lib/x.jar!/Bad.class", FindingIdentity.Of(d).Class);
    }

    [Fact]
    public void File_is_sorted_counted_line_free_and_round_trips()
    {
        var file = BaselineFile.From([Finding("com.B", "e", 5), Finding("com.A", "e", 7), Finding("com.A", "e", 9), Finding("com.A", "f", 1, "BL0004")]);
        string json = file.ToJson();
        Assert.DoesNotContain("\"line\"", json);
        Assert.DoesNotContain("\r", json);
        Assert.True(json.IndexOf("com.A", StringComparison.Ordinal) < json.IndexOf("com.B", StringComparison.Ordinal));
        Assert.Equal(["BL0001", "BL0001", "BL0004"], file.Entries.Select(e => e.Identity.Rule));
        Assert.Equal(2, file.Entries[0].Count);
        var path = Path.GetTempFileName();
        try
        {
            file.Save(path);
            var loaded = BaselineFile.Load(path);
            Assert.Equal(file.Entries, loaded.Entries);
            Assert.Equal(json, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Filter_suppresses_up_to_the_count_and_reports_stale_entries()
    {
        var baseline = new BaselineFile([
            new BaselineEntry(FindingIdentity.Of(Finding("com.A", "e")), 1),
            new BaselineEntry(FindingIdentity.Of(Finding("com.Gone", "e")), 2),
        ]);
        var (result, outcome) = BaselineFilter.Apply([Finding("com.A", "e"), Finding("com.A", "e"), Finding("com.New", "e")], baseline, "bl.json");
        Assert.Equal("baseline: bl.json", result[0].SuppressedBy);
        Assert.Null(result[1].SuppressedBy);   // a second occurrence is new
        Assert.Null(result[2].SuppressedBy);
        Assert.Equal(1, outcome.Suppressed);
        Assert.Equal("com.Gone", Assert.Single(outcome.Stale).Identity.Class);
        Assert.Equal(2, outcome.StaleCount);
    }

    [Fact]
    public void Already_suppressed_findings_do_not_use_up_the_baseline()
    {
        var baseline = BaselineFile.From([Finding("com.A", "e")]);
        var annotated = Finding("com.A", "e") with { SuppressedBy = "@SuppressBytecodeLint on com.A" };
        var (result, outcome) = BaselineFilter.Apply([annotated], baseline, "bl.json");
        Assert.Equal("@SuppressBytecodeLint on com.A", result[0].SuppressedBy);
        Assert.Equal(1, outcome.StaleCount);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\": 99, \"findings\": []}")]
    [InlineData("{\"format\": 1, \"findings\": [{\"rule\": \"BL0001\"}]}")]
    public void Malformed_baseline_names_the_file(string content)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);
            var e = Assert.Throws<BaselineException>(() => BaselineFile.Load(path));
            Assert.StartsWith(path + ":", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
