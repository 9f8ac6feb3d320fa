using System.Text.Json;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

public class ConfigOptionTests
{
    private static readonly string CatchThrowable = Oracle("exp1-CatchThrowable");

    private static List<JsonElement> Diagnostics(CliRunner.Result result) =>
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("diagnostics").EnumerateArray().Select(e => e.Clone()).ToList();

    [Theory]
    [InlineData("dotnet_diagnostic.BL0001.severity = error", 1)]
    [InlineData("dotnet_analyzer_diagnostic.category-Retransform.severity = error", 1)]
    [InlineData("dotnet_analyzer_diagnostic.severity = error", 1)]
    [InlineData("dotnet_diagnostic.BL0001.severity = none", 0)]
    [InlineData("dotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.BL0001.severity = suggestion", 0)]
    public void Each_severity_source_changes_the_exit_code(string lines, int exitCode)
    {
        using var folder = new TempFolder();
        var config = folder.File("ci.globalconfig", "is_global = true\n" + lines + "\n");
        var result = Run("scan", CatchThrowable, "--target-jdk", "17", "--config", config, "--no-global-config");
        Assert.Equal(exitCode, result.ExitCode);
    }

    [Fact]
    public void Disabled_rule_reports_nothing()
    {
        using var folder = new TempFolder();
        var config = folder.File("ci.globalconfig", "is_global = true\ndotnet_diagnostic.BL0001.severity = none\n");
        var result = Run("scan", CatchThrowable, "--format", "json", "--config", config, "--no-global-config");
        Assert.Empty(Diagnostics(result));
    }

    [Fact]
    public void Bad_config_exits_2_naming_file_and_line()
    {
        using var folder = new TempFolder();
        var config = folder.File("ci.globalconfig", "is_global = true\n\nbytecodelint.target_jdk = 17\nbytecodelint.nonsense = 1\n");
        var result = Run("scan", CatchThrowable, "--config", config);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(config + ":4: unknown key 'bytecodelint.nonsense'", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Missing_config_file_exits_2()
    {
        var result = Run("scan", CatchThrowable, "--config", "/no/such/x.globalconfig");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/x.globalconfig", result.Stderr);
    }

    [Fact]
    public void Target_jdk_from_config_and_command_line_wins()
    {
        using var folder = new TempFolder();
        var config = folder.File("ci.globalconfig", "is_global = true\nbytecodelint.target_jdk = 25\n");
        // BL0001 only applies on JDK 17-21: the config's 25 silences it, --target-jdk 17 brings it back.
        Assert.Empty(Diagnostics(Run("scan", CatchThrowable, "--format", "json", "--config", config)));
        var json = JsonDocument.Parse(Run("scan", CatchThrowable, "--format", "json", "--config", config, "--target-jdk", "17").Stdout).RootElement;
        Assert.Equal("17", json.GetProperty("targetJdk").GetString());
        Assert.Single(json.GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public void Source_roots_from_config_map_findings()
    {
        using var folder = new TempFolder();
        var relative = Path.GetRelativePath(folder.Path, Path.Combine(BytecodeLint.TestUtilities.RepoPaths.Samples, "java", "src", "app"));
        var config = folder.File("ci.globalconfig", $"is_global = true\nbytecodelint.source_roots = {relative}\n");
        var result = Run("scan", SampleJar("app.jar"), "--format", "msbuild", "--config", config);
        Assert.Contains("samples/app/CatchThrowablePrints.java(", result.Stdout);
    }

    [Fact]
    public void Include_and_exclude_select_entries()
    {
        using var folder = new TempFolder();
        var all = Diagnostics(Run("scan", SampleJar("app.jar"), "--format", "json", "--no-global-config"));
        var include = folder.File("in.globalconfig", "is_global = true\nbytecodelint.include = samples/app/CatchThrowable*\n");
        var included = Diagnostics(Run("scan", SampleJar("app.jar"), "--format", "json", "--config", include));
        Assert.NotEmpty(included);
        Assert.All(included, d => Assert.StartsWith("samples.app.CatchThrowable", d.GetProperty("location").GetProperty("class").GetString()));
        var exclude = folder.File("ex.globalconfig", "is_global = true\nbytecodelint.exclude = **/CatchThrowable*.class\n");
        var excluded = Diagnostics(Run("scan", SampleJar("app.jar"), "--format", "json", "--config", exclude));
        Assert.Equal(all.Count - included.Count, excluded.Count);
        // Only the included entries are read: fewer classes, and at least those with findings.
        int Classes(string config) => JsonDocument.Parse(Run("scan", SampleJar("app.jar"), "--format", "json", "--config", config).Stdout).RootElement.GetProperty("inputs")[0].GetProperty("classes").GetInt32();
        int total = JsonDocument.Parse(Run("scan", SampleJar("app.jar"), "--format", "json", "--no-global-config").Stdout).RootElement.GetProperty("inputs")[0].GetProperty("classes").GetInt32();
        int includedClasses = Classes(include);
        Assert.InRange(includedClasses, included.Select(d => d.GetProperty("location").GetProperty("class").GetString()).Distinct().Count(), total - 1);
        Assert.Equal(total - includedClasses, Classes(exclude));
    }

    [Fact]
    public void Config_suppression_is_kept_and_does_not_fail_the_run()
    {
        using var folder = new TempFolder();
        var config = folder.File("ci.globalconfig", "is_global = true\nbytecodelint.suppress.BL0001 = t1.*#run*\n");
        var result = Run("scan", CatchThrowable, "--format", "json", "--target-jdk", "17", "--fail-on", "warning", "--config", config);
        Assert.Equal(0, result.ExitCode);
        var d = Assert.Single(Diagnostics(result));
        Assert.True(d.GetProperty("suppressed").GetBoolean());
        Assert.StartsWith("config: bytecodelint.suppress.BL0001 = t1.*#run*", d.GetProperty("suppressedBy").GetString());
    }

    [Fact]
    public void Custom_suppression_annotation_list_replaces_the_default()
    {
        using var folder = new TempFolder();
        var config = folder.File("ci.globalconfig", "is_global = true\nbytecodelint.suppression_annotations = SomethingElse\n");
        var result = Run("scan", SampleJar("app.jar"), "--format", "json", "--config", config);
        Assert.DoesNotContain(Diagnostics(result), d => d.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public void Rule_threshold_reaches_the_rule()
    {
        // BL0003 reports BigStackMap at the default 64 MiB threshold; a 1 TiB threshold silences it.
        using var folder = new TempFolder();
        static int Count(CliRunner.Result r) => Diagnostics(r).Count(d => d.GetProperty("id").GetString() == "BL0003");
        Assert.True(Count(Run("scan", SampleJar("app.jar"), "--format", "json", "--no-global-config")) > 0);
        var config = folder.File("ci.globalconfig", "is_global = true\nbytecodelint.BL0003.threshold_mib = 1048576\n");
        Assert.Equal(0, Count(Run("scan", SampleJar("app.jar"), "--format", "json", "--config", config)));
    }

    [Fact]
    public void Globalconfig_is_discovered_above_the_current_folder_unless_turned_off()
    {
        using var folder = new TempFolder();
        folder.File(".globalconfig", "is_global = true\ndotnet_diagnostic.BL0001.severity = error\n");
        var inner = Directory.CreateDirectory(Path.Combine(folder.Path, "a", "b")).FullName;
        var input = BytecodeLint.Analysis.Engine.ScanInput.FromPath(SampleJar("app.jar"));
        var found = BytecodeLint.Analysis.Scanning.ScanPipeline.Run(new() { Inputs = [input], DiscoverConfigFrom = inner });
        Assert.Equal([Path.Combine(folder.Path, ".globalconfig")], found.ConfigFiles);
        Assert.All(found.Result.Diagnostics.Where(d => d.Id == "BL0001"), d => Assert.Equal(BytecodeLint.Analysis.Engine.Severity.Error, d.Severity));
        Assert.Contains(found.Result.Diagnostics, d => d.Id == "BL0001");
        var notFound = BytecodeLint.Analysis.Scanning.ScanPipeline.Run(new() { Inputs = [input], DiscoverConfigFrom = null });
        Assert.Empty(notFound.ConfigFiles);
        Assert.All(notFound.Result.Diagnostics.Where(d => d.Id == "BL0001"), d => Assert.Equal(BytecodeLint.Analysis.Engine.Severity.Warning, d.Severity));
    }

    [Fact]
    public void Conflicting_files_warn_on_stderr()
    {
        using var folder = new TempFolder();
        var a = folder.File("a.globalconfig", "is_global = true\ndotnet_diagnostic.BL0001.severity = error\n");
        var b = folder.File("b.globalconfig", "is_global = true\ndotnet_diagnostic.BL0001.severity = none\n");
        var result = Run("scan", CatchThrowable, "--target-jdk", "17", "--config", a, "--config", b);
        Assert.Equal(0, result.ExitCode); // unset: the default warning applies
        Assert.Contains("warning: 'dotnet_diagnostic.bl0001.severity' is set to different values", result.Stderr);
    }

    [Fact]
    public void Unused_config_suppression_is_reported_only_when_BL9004_is_on()
    {
        using var folder = new TempFolder();
        const string Suppress = "bytecodelint.suppress.BL0001 = t1.*, com.gone.*\n";
        var off = folder.File("off.globalconfig", "is_global = true\n" + Suppress);
        var quiet = Run("scan", CatchThrowable, "--target-jdk", "17", "--format", "json", "--config", off);
        Assert.DoesNotContain(Diagnostics(quiet), d => d.GetProperty("id").GetString() == "BL9004");

        var on = folder.File("on.globalconfig", "is_global = true\n" + Suppress + "dotnet_diagnostic.BL9004.severity = warning\n");
        var result = Run("scan", CatchThrowable, "--target-jdk", "17", "--format", "json", "--config", on, "--fail-on", "warning");
        Assert.Equal(1, result.ExitCode);
        var unused = Assert.Single(Diagnostics(result), d => d.GetProperty("id").GetString() == "BL9004");
        Assert.Contains("'com.gone.*'", unused.GetProperty("message").GetString());
        Assert.Equal(2, unused.GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal(on, unused.GetProperty("location").GetProperty("sourcePath").GetString());
        Assert.Contains(on + ":2: warning BL9004", result.Stderr);
    }
}
