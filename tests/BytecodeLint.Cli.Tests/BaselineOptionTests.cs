using System.Text.Json;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

public class BaselineOptionTests
{
    [Fact]
    public void Write_then_filter_then_report_stale()
    {
        using var folder = new TempFolder();
        var baseline = folder.File("bytecodelint-baseline.json");
        var app = SampleJar("app.jar");

        var write = Run("scan", app, "--write-baseline", baseline, "--fail-on", "warning");
        Assert.Equal(0, write.ExitCode); // accepting the findings accepts them for this run too
        Assert.Contains("baseline " + baseline + ": wrote 8 findings", write.Stderr);
        var file = JsonDocument.Parse(File.ReadAllText(baseline)).RootElement;
        Assert.Equal(8, file.GetProperty("findings").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));

        var filtered = Run("scan", app, "--baseline", baseline, "--fail-on", "note", "--format", "json");
        Assert.Equal(0, filtered.ExitCode);
        var json = JsonDocument.Parse(filtered.Stdout).RootElement;
        var diagnostics = json.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.All(diagnostics, d => Assert.True(d.GetProperty("suppressed").GetBoolean()));
        Assert.Equal(8, diagnostics.Count(d => d.GetProperty("suppressedBy").GetString()!.StartsWith("baseline: ")));
        Assert.Equal(8, json.GetProperty("baseline").GetProperty("suppressed").GetInt32());
        Assert.Equal(0, json.GetProperty("baseline").GetProperty("stale").GetInt32());

        // A different input: app.jar's entries are now stale, and the other findings are new.
        var other = Run("scan", SampleJar("agent-bad.jar"), Oracle("exp1-CatchThrowable"), "--target-jdk", "17", "--baseline", baseline, "--format", "json", "--fail-on", "warning");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("stale entries no longer found; prune with --write-baseline", other.Stderr);
        Assert.Equal(8, JsonDocument.Parse(other.Stdout).RootElement.GetProperty("baseline").GetProperty("stale").GetInt32());
    }

    [Fact]
    public void Update_prunes_stale_entries_and_is_stable()
    {
        using var folder = new TempFolder();
        var baseline = folder.File("b.json");
        Run("scan", SampleJar("app.jar"), "--write-baseline", baseline);
        string first = File.ReadAllText(baseline);
        Run("scan", SampleJar("app.jar"), "--baseline", baseline, "--write-baseline", baseline);
        Assert.Equal(first, File.ReadAllText(baseline)); // same findings, same bytes
        var update = Run("scan", Oracle("exp1-CatchThrowable"), "--target-jdk", "17", "--baseline", baseline, "--write-baseline", baseline);
        Assert.Contains("8 stale entries", update.Stderr);
        var entry = Assert.Single(JsonDocument.Parse(File.ReadAllText(baseline)).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("t1.CatchThrowable", entry.GetProperty("class").GetString());
    }

    [Fact]
    public void Suppressed_findings_are_not_baselined()
    {
        using var folder = new TempFolder();
        var baseline = folder.File("b.json");
        Run("scan", SampleJar("app.jar"), "--write-baseline", baseline);
        Assert.DoesNotContain("SuppressedCatchThrowable", File.ReadAllText(baseline));
        Assert.Contains("CatchThrowablePrints", File.ReadAllText(baseline));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{ not json")]
    public void Unreadable_baseline_exits_2(string? content)
    {
        using var folder = new TempFolder();
        var baseline = folder.File("b.json", content);
        var result = Run("scan", Oracle("exp1-CatchThrowable"), "--baseline", baseline);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(baseline, result.Stderr);
    }
}
