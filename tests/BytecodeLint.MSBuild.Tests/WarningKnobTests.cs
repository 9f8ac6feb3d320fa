namespace BytecodeLint.MSBuild.Tests;

/// <summary>NoWarn, WarningsAsErrors, WarningsNotAsErrors, ContinueOnError and input errors on generated single-target projects.</summary>
public class WarningKnobTests
{
    private static readonly PackagedBytecodeLint Package = PackagedBytecodeLint.Instance;

    private static string Input(string jar, string metadata = "") => $"""<BytecodeLintInput Include="{jar}" {metadata} />""";

    [Fact]
    public void WithoutSourceRootsFindingsPointAtTheJarAndItemNoWarnSilencesOnlyThatInput()
    {
        var items = Input(Package.SmallCatchJar) + Input(Package.CatchJar, "NoWarn=\"BL0001\"");
        var project = Package.WriteProject(Package.NewFolder("jar-location"), items: items);

        var result = Package.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(result.Warnings("BL0001"), w => w.Message!.Contains("CatchThrowablePrints", StringComparison.Ordinal));
        Assert.Equal(Package.SmallCatchJar, warning.File);
        Assert.Equal(0, warning.Line);
        Assert.Contains("[" + Package.SmallCatchJar + "!/samples/app/CatchThrowablePrints.class, line ", warning.Message);
        Assert.All(result.Warnings("BL0001"), w => Assert.Equal(Package.SmallCatchJar, w.File));
        // The silenced input's findings are still in the log, at low importance.
        Assert.Contains(result.Events, e => e.Kind == "message" && e.Code == "BL0001" && e.File == Package.CatchJar);
    }

    [Fact]
    public void NoWarnSilencesTheRule()
    {
        var project = Package.WriteProject(Package.NewFolder("nowarn"), "<NoWarn>$(NoWarn);BL0001</NoWarn>", Input(Package.SmallCatchJar));

        var result = Package.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Warnings("BL0001"));
        Assert.Contains("1 input(s)", result.Summary);
    }

    [Fact]
    public void WarningsAsErrorsFailsTheBuild()
    {
        var project = Package.WriteProject(Package.NewFolder("waserror"), "<WarningsAsErrors>BL0001</WarningsAsErrors>", Input(Package.SmallCatchJar));

        var result = Package.Build(project);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Warnings("BL0001"));
        Assert.Contains(result.Errors("BL0001"), e => e.File == Package.SmallCatchJar && e.HelpLink!.EndsWith("/BL0001.md", StringComparison.Ordinal));
    }

    [Fact]
    public void WarningsNotAsErrorsExemptsFromTreatWarningsAsErrors()
    {
        var properties = "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>BL0001</WarningsNotAsErrors>";
        var project = Package.WriteProject(Package.NewFolder("wnaserror"), properties, Input(Package.SmallCatchJar));

        var result = Package.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEmpty(result.Warnings("BL0001"));
        Assert.Empty(result.Errors("BL0001"));
    }

    [Fact]
    public void ContinueOnErrorTurnsFindingErrorsIntoWarnings()
    {
        var properties = "<BytecodeLintTreatWarningsAsErrors>true</BytecodeLintTreatWarningsAsErrors><BytecodeLintContinueOnError>true</BytecodeLintContinueOnError>";
        var project = Package.WriteProject(Package.NewFolder("continue"), properties, Input(Package.SmallCatchJar));

        var result = Package.Build(project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Errors("BL0001"));
        Assert.NotEmpty(result.Warnings("BL0001"));
    }

    [Fact]
    public void MissingInputIsAnErrorNamingTheFileUnlessDisabled()
    {
        var project = Package.WriteProject(Package.NewFolder("missing"), items: """<BytecodeLintInput Include="libs/absent.jar" />""");

        var result = Package.Build(project);
        var disabled = Package.Build(project, "--no-restore", "-p:BytecodeLintEnabled=false");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Events, e => e.Kind == "error" && e.Message!.Contains("'libs/absent.jar' does not exist", StringComparison.Ordinal));
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        Assert.Equal("", disabled.Summary);
    }
}
