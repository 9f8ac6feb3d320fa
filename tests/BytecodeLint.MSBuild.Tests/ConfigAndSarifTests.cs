using System.Text.Json;

namespace BytecodeLint.MSBuild.Tests;

/// <summary>Severities from global config files and the SARIF error log.</summary>
public class ConfigAndSarifTests
{
    private static readonly PackagedBytecodeLint Package = PackagedBytecodeLint.Instance;

    private static string Input(string jar) => $"""<BytecodeLintInput Include="{jar}" />""";

    [Fact]
    public void GlobalConfigAboveTheProjectAndGlobalAnalyzerConfigFilesSetSeverities()
    {
        // A .globalconfig in the project's parent folder is found like Roslyn finds it.
        var parent = Package.NewFolder("globalconfig");
        File.WriteAllText(Path.Combine(parent, ".globalconfig"), "is_global = true\ndotnet_diagnostic.BL0001.severity = error\n");
        var folder = Path.Combine(parent, "project");
        Directory.CreateDirectory(folder);
        // The item names a file that does not exist yet: missing config files are skipped.
        var project = Package.WriteProject(folder, items: Input(Package.SmallCatchJar) + """<GlobalAnalyzerConfigFiles Include="bytecodelint.globalconfig" />""");

        var promoted = Package.Build(project);

        Assert.NotEqual(0, promoted.ExitCode);
        Assert.Contains(promoted.Errors("BL0001"), e => e.File == Package.SmallCatchJar);
        Assert.Empty(promoted.Warnings("BL0001"));

        // An explicit GlobalAnalyzerConfigFiles item (any file name) is passed too; here it turns the rule off,
        // and the discovered .globalconfig is ignored when discovery is off.
        var other = Path.Combine(folder, "bytecodelint.globalconfig");
        File.WriteAllText(other, "is_global = true\ndotnet_diagnostic.BL0001.severity = none\n");
        var silenced = Package.Build(project, "--no-restore", "-p:BytecodeLintDiscoverGlobalConfig=false");

        Assert.True(silenced.ExitCode == 0, silenced.ToString());
        Assert.DoesNotContain(silenced.Events, e => e.Code == "BL0001" && e.Kind != "message");
    }

    [Fact]
    public void ErrorLogIsSarifWithEveryFindingAndIsRewrittenFromTheCache()
    {
        var folder = Package.NewFolder("sarif");
        var project = Package.WriteProject(folder, "<BytecodeLintErrorLog>out/lint.sarif</BytecodeLintErrorLog>", Input(Package.CatchJar));
        var sarif = Path.Combine(folder, "out", "lint.sarif");

        var first = Package.Build(project);
        var firstSarif = File.ReadAllText(sarif);
        File.Delete(sarif);
        var second = Package.Build(project, "--no-restore");

        Assert.True(first.ExitCode == 0, first.ToString());
        using var document = JsonDocument.Parse(firstSarif);
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count(r => r.GetProperty("ruleId").GetString() == "BL0001"));
        Assert.Contains("from the cache", second.Summary);
        Assert.Equal(firstSarif, File.ReadAllText(sarif));
    }

    [Fact]
    public void InputsNeedingSeveralCliRunsGiveOneSarifFileWithADistinctCategoryPerRun()
    {
        var folder = Package.NewFolder("sarif-groups");
        var items = $"""
            <BytecodeLintInput Include="{Package.CatchJar}" />
            <BytecodeLintInput Include="{Package.SmallCatchJar}" TargetJdk="17" />
            """;
        var project = Package.WriteProject(folder, "<BytecodeLintErrorLog>lint.sarif</BytecodeLintErrorLog>", items);

        var build = Package.Build(project);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(new[] { "lint.sarif" }, Directory.GetFiles(folder, "*.sarif").Select(Path.GetFileName));
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "lint.sarif")));
        var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        var ids = runs.Select(r => r.GetProperty("automationDetails").GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { "bytecodelint/Lint/run1/", "bytecodelint/Lint/run2/" }, ids);
        Assert.Equal(build.Warnings("BL0001").Count(), runs.Sum(r => r.GetProperty("results").GetArrayLength()));
    }

    [Fact]
    public void AMissingInputIsACodedErrorAtItsItemAndTheOtherInputsAreStillLinted()
    {
        var folder = Package.NewFolder("missing");
        var missing = Path.Combine(folder, "not-built-yet.jar");
        var project = Package.WriteProject(folder, items: Input(Package.CatchJar) + Input(missing));

        var build = Package.Build(project);

        Assert.NotEqual(0, build.ExitCode);
        var error = Assert.Single(build.Events, e => e.Kind == "error");
        Assert.Equal(("BLM0001", missing), (error.Code, error.File));
        Assert.Equal(3, build.Warnings("BL0001").Count());
        Assert.Contains("1 input(s) not read", build.Summary);
    }
}
