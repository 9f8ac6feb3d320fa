namespace BytecodeLint.MSBuild.Tests;

/// <summary>Per-item metadata (TargetJdk, SourceRoot), IkvmReference items and the IDE's up-to-date inputs.</summary>
public class ItemSourceTests
{
    private static readonly PackagedBytecodeLint Package = PackagedBytecodeLint.Instance;

    [Fact]
    public void ItemTargetJdkAndSourceRootApplyPerInput()
    {
        // BL0001 is a JDK 17–21 bug: on JDK 25 catch.jar has no finding. catch-small.jar maps to the sample sources.
        var sourceRoot = Path.Combine(Package.SampleJava, "src", "app");
        var items = $"""
            <BytecodeLintInput Include="{Package.CatchJar}" TargetJdk="25" />
            <BytecodeLintInput Include="{Package.SmallCatchJar}" TargetJdk="17" SourceRoot="{sourceRoot}" />
            """;
        var project = Package.WriteProject(Package.NewFolder("metadata"), items: items);

        var result = Package.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        var source = Path.Combine(sourceRoot, "samples", "app", "CatchThrowablePrints.java");
        var warning = Assert.Single(result.Warnings("BL0001"));
        Assert.Equal(source, warning.File);
        var catchLine = Array.FindIndex(File.ReadAllLines(source), l => l.Contains("catch (Throwable", StringComparison.Ordinal)) + 1;
        Assert.Equal(catchLine, warning.Line);
        Assert.Contains("2 input(s)", result.Summary);
    }

    [Fact]
    public void IkvmReferencesAreLintedUnlessOptedOutAndInputsFeedTheUpToDateCheck()
    {
        var folder = Package.NewFolder("ikvm");
        var items = $"""
            <IkvmReference Include="{Package.CatchJar}" />
            <IkvmReference Include="org.example:not-a-file:1.0" />
            """;
        var project = Package.WriteProject(folder, items: items);

        var linted = Package.Build(project);
        var optedOut = Package.Build(project, "--no-restore", "-p:BytecodeLintIkvmReferences=false");
        var upToDate = Package.RunDotnet(folder, "msbuild", project, "-t:_BytecodeLintUpToDateCheckInputs", "-getItem:UpToDateCheckInput");

        Assert.True(linted.ExitCode == 0, linted.ToString());
        Assert.Equal(3, linted.Warnings("BL0001").Count());
        Assert.All(linted.Warnings("BL0001"), w => Assert.Equal(Package.CatchJar, w.File));
        Assert.True(optedOut.ExitCode == 0, optedOut.ToString());
        Assert.Empty(optedOut.Warnings("BL0001"));
        Assert.True(upToDate.ExitCode == 0, upToDate.Output);
        Assert.Contains(Package.CatchJar.Replace("\\", "\\\\"), upToDate.Output);
    }

    [Fact]
    public void BaselineWrittenByThePackagedCliSuppressesItsFindings()
    {
        var folder = Package.NewFolder("baseline");
        var input = Path.Combine(folder, "app.jar");
        File.Copy(Package.SmallCatchJar, input);
        var project = Package.WriteProject(folder, "<BytecodeLintBaseline>bytecodelint.baseline.json</BytecodeLintBaseline>",
            """<BytecodeLintInput Include="app.jar" />""");

        // The first build (baseline switched off: the file does not exist yet, which the CLI rejects) restores
        // the package; its CLI (tools/cli) then writes a baseline accepting today's findings.
        var before = Package.Build(project, "-p:BytecodeLintBaseline=");
        var cli = Path.Combine(Package.Packages, "bytecodelint", Package.Version, "tools", "cli", "bytecodelint.dll");
        var write = Package.RunApp(folder, cli, "scan", input, "--write-baseline", Path.Combine(folder, "bytecodelint.baseline.json"));
        var after = Package.Build(project, "--no-restore");

        Assert.NotEmpty(before.Warnings("BL0001"));
        Assert.True(write.ExitCode == 0, write.Output);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Empty(after.Warnings("BL0001"));
        Assert.Contains(after.Events, e => e.Kind == "message" && e.Code == "BL0001" && e.Message!.StartsWith("suppressed: ", StringComparison.Ordinal));
    }
}
