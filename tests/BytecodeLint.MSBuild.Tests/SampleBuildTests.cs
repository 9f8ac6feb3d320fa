namespace BytecodeLint.MSBuild.Tests;

/// <summary>Builds samples/AgentRelease in place (its obj/ redirected to a temporary folder) against the packed package.</summary>
public class SampleBuildTests
{
    private static readonly PackagedBytecodeLint Package = PackagedBytecodeLint.Instance;

    private string[] SampleArguments(string obj, params string[] more) =>
    [
        "-p:BytecodeLintSampleBootstrap=false",
        "-p:BytecodeLintVersion=" + Package.Version,
        "-p:BytecodeLintSampleFeed=" + Package.Feed + Path.DirectorySeparatorChar,
        "-p:BaseIntermediateOutputPath=" + Path.Combine(obj, "obj") + Path.DirectorySeparatorChar,
        "-p:BaseOutputPath=" + Path.Combine(obj, "bin") + Path.DirectorySeparatorChar,
        .. more,
    ];

    /// <summary>The line of the <c>catch (Throwable</c> clause in a sample source, found by reading the source.</summary>
    private static int CatchLine(string sourcePath) =>
        Array.FindIndex(File.ReadAllLines(sourcePath), l => l.Contains("catch (Throwable", StringComparison.Ordinal)) + 1;

    [Fact]
    public void SampleLogsFindingsAgainstJavaSourcesReusesTheCacheAndFailsWithTreatWarningsAsErrors()
    {
        var project = Path.Combine(Package.RepositoryRoot, "samples", "AgentRelease", "AgentRelease.csproj");
        var obj = Package.NewFolder("sample-obj");
        var source = Path.Combine(Package.SampleJava, "src", "app", "samples", "app", "CatchThrowablePrints.java");

        var first = Package.Build(project, SampleArguments(obj));

        // The sample's .globalconfig demotes the Retransform rules that default to error: a plain build succeeds.
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.DoesNotContain(first.Events, e => e.Kind == "error");
        var warning = Assert.Single(first.Warnings("BL0001"), w => w.File == source);
        Assert.Equal(CatchLine(source), warning.Line);
        Assert.Equal(1, warning.Column);
        Assert.StartsWith("https://", warning.HelpLink);
        Assert.EndsWith("/BL0001.md", warning.HelpLink);
        Assert.Contains("samples.app.CatchThrowablePrints.run", warning.Message);
        Assert.Contains($"{source}({warning.Line},1): warning BL0001: ", first.Output);
        Assert.DoesNotContain("from the cache", first.Summary);
        // The sample's jars hold suppressed findings (annotations); the summary counts them.
        Assert.Matches(@"warning\(s\), [1-9][0-9]* suppressed", first.Summary);
        // On linux-x64 the package's Native AOT CLI runs (the message shows at normal verbosity and above).
        var choice = Assert.Single(first.Events, e => e.Kind == "message" && e.Message!.StartsWith("BytecodeLint: using the ", StringComparison.Ordinal));
        Assert.StartsWith(CliLocator.HostRuntimeIdentifier() == "linux-x64" ? "BytecodeLint: using the native CLI for linux-x64" : "BytecodeLint: using the portable CLI", choice.Message);

        // A no-op build re-logs the same findings from the cache.
        var second = Package.Build(project, SampleArguments(obj, "--no-restore"));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("from the cache", second.Summary);
        Assert.Equal(Describe(first.Events.Where(e => e.Kind is "warning" or "error")), Describe(second.Events.Where(e => e.Kind is "warning" or "error")));

        // TreatWarningsAsErrors, which MSBuild itself ignores for task warnings, fails the build.
        var strict = Package.Build(project, SampleArguments(obj, "--no-restore", "-p:TreatWarningsAsErrors=true"));

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Empty(strict.Warnings("BL0001"));
        Assert.Contains(strict.Errors("BL0001"), e => e.File == source && e.Line == warning.Line && e.HelpLink == warning.HelpLink);
    }

    private static List<string> Describe(IEnumerable<RecordedEvent> events) =>
        events.Select(e => $"{e.Code} {e.File}({e.Line},{e.Column}) {e.HelpLink} {e.Message}").OrderBy(s => s, StringComparer.Ordinal).ToList();
}
