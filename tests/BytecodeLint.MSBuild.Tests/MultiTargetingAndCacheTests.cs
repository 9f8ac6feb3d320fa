namespace BytecodeLint.MSBuild.Tests;

/// <summary>Multi-targeting outer builds and cache invalidation.</summary>
public class MultiTargetingAndCacheTests
{
    private static readonly PackagedBytecodeLint Package = PackagedBytecodeLint.Instance;

    [Fact]
    public void MultiTargetingProjectLintsOnceAndAppliesWarningsAsErrorsInTheOuterBuild()
    {
        var folder = Package.NewFolder("multi");
        var items = $"""<BytecodeLintInput Include="{Package.CatchJar}" />""";
        var project = Package.WriteProject(folder, items: items, targetFrameworks: "<TargetFrameworks>net10.0;net9.0</TargetFrameworks>");

        var plain = Package.Build(project);

        Assert.True(plain.ExitCode == 0, plain.ToString());
        // catch.jar holds three BL0001 cases; linting per target framework would log each twice.
        var warnings = plain.Warnings("BL0001").Select(w => w.Message).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Equal(3, warnings.Distinct().Count());
        Assert.Single(plain.Events, e => e.Kind == "message" && e.Message!.Contains("input(s)", StringComparison.Ordinal));

        // MSBuild ignores WarningsAsErrors and NoWarn in outer builds; the task applies them itself.
        var strict = Package.Build(project, "--no-restore", "-p:WarningsAsErrors=BL0001");

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Equal(warnings.Count, strict.Errors("BL0001").Count());

        var silenced = Package.Build(project, "--no-restore", "-p:NoWarn=BL0001");

        Assert.True(silenced.ExitCode == 0, silenced.ToString());
        Assert.Empty(silenced.Warnings("BL0001"));
    }

    [Fact]
    public void SingleFrameworkBuildAndPublishOfAMultiTargetingProjectLintOnce()
    {
        var folder = Package.NewFolder("multi-f");
        var items = $"""<BytecodeLintInput Include="{Package.CatchJar}" />""";
        var project = Package.WriteProject(folder, items: items, targetFrameworks: "<TargetFrameworks>net10.0;net9.0</TargetFrameworks>");

        var build = Package.Build(project, "-f", "net10.0");
        var publish = Package.RunDotnet(folder, "publish", project, "-f", "net10.0", "--no-restore",
            "-p:RestorePackagesPath=" + Package.Packages);
        var off = Package.Build(project, "-f", "net10.0", "--no-restore", "-p:BytecodeLintInInnerBuild=false");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(3, build.Warnings("BL0001").Count());
        Assert.Single(build.Events, e => e.Kind == "message" && e.Message!.Contains("input(s)", StringComparison.Ordinal));
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Equal(3, publish.Output.Split('\n').Count(l => l.Contains("warning BL0001", StringComparison.Ordinal)));
        // Turned off, the build says that it skipped and how to lint.
        Assert.Empty(off.Warnings("BL0001"));
        Assert.Contains(off.Events, e => e.Kind == "message" && e.Message!.Contains("not linted in the net10.0 build", StringComparison.Ordinal)
            && e.Message.Contains("BytecodeLintInInnerBuild=true", StringComparison.Ordinal));
    }

    [Fact]
    public void ChangedJarContentsMissTheCache()
    {
        var folder = Package.NewFolder("cache");
        var input = Path.Combine(folder, "input.jar");
        File.Copy(Package.SmallCatchJar, input);
        var project = Package.WriteProject(folder, items: """<BytecodeLintInput Include="input.jar" />""");

        var first = Package.Build(project);
        var again = Package.Build(project, "--no-restore");
        File.Copy(Package.CatchJar, input, overwrite: true);
        File.SetLastWriteTimeUtc(input, File.GetLastWriteTimeUtc(Package.SmallCatchJar));
        var changed = Package.Build(project, "--no-restore");

        Assert.True(first.ExitCode == 0 && again.ExitCode == 0 && changed.ExitCode == 0, changed.ToString());
        Assert.DoesNotContain("from the cache", first.Summary);
        Assert.Contains("from the cache", again.Summary);
        Assert.DoesNotContain("from the cache", changed.Summary);
        Assert.True(first.Warnings("BL0001").Count() < changed.Warnings("BL0001").Count(),
            "catch.jar holds more BL0001 cases than catch-small.jar:\n" + changed);
    }
}
