using System.Text.Json;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

public class ScanOutputTests
{
    [Fact]
    public void Several_formats_in_one_run()
    {
        using var folder = new TempFolder();
        var sarif = Path.Combine(folder.Path, "out", "report.sarif");
        var json = Path.Combine(folder.Path, "obj", "findings.json");
        var result = Run("scan", Oracle("exp1-CatchThrowable"), "--target-jdk", "17", "--format", "text", "--format", "sarif=" + sarif, "--format", "json=" + json);
        Assert.Contains("1 finding in 1 classes", result.Stdout);
        Assert.Equal("2.1.0", JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("version").GetString());
        Assert.Equal("BL0001", JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("diagnostics")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Format_without_file_goes_to_output()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "r.sarif");
        var json = Path.Combine(folder.Path, "r.json");
        var result = Run("scan", Oracle("exp1-CatchThrowable"), "--format", "sarif", "--output", output, "--format", "json=" + json);
        Assert.Equal("", result.Stdout);
        Assert.Contains("\"runs\"", File.ReadAllText(output));
        Assert.Contains("\"diagnostics\"", File.ReadAllText(json));
    }

    /// <summary>A report file is streamed to disk; its bytes are exactly what standard output gets as text.</summary>
    [Theory]
    [InlineData("scan")]
    [InlineData("inspect")]
    public void A_json_file_holds_the_same_bytes_as_standard_output(string command)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "report.json");
        string[] inputs = [SampleJar("agent-bad.jar"), SampleJar("fat-app.jar")];
        var toFile = Run([command, .. inputs, "--format", "json", "--output", file]);
        var toStdout = Run([command, .. inputs, "--format", "json"]);

        Assert.Equal(toStdout.ExitCode, toFile.ExitCode);
        Assert.Equal("", toFile.Stdout);
        Assert.Equal(toStdout.Stdout, File.ReadAllText(file));
        Assert.EndsWith("}\n", toStdout.Stdout);
        Assert.True(JsonDocument.Parse(File.ReadAllText(file)).RootElement.ValueKind == JsonValueKind.Object);
        Assert.NotEqual(0xEF, File.ReadAllBytes(file)[0]); // no byte-order mark
    }

    [Theory]
    [InlineData(new[] { "text", "json" }, null, "standard output")]
    [InlineData(new[] { "json", "sarif" }, "same.out", "would all be written")]
    [InlineData(new[] { "json=a.json", "sarif=a.json" }, null, "would all be written")]
    public void Conflicting_destinations_exit_2(string[] formats, string? output, string message)
    {
        var args = new List<string> { "scan", Oracle("exp1-CatchThrowable") };
        foreach (var format in formats) args.AddRange(["--format", format]);
        if (output is not null) args.AddRange(["--output", output]);
        var result = Run([.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("sarif=")]
    [InlineData("SARIF")]
    public void Bad_format_spec_is_a_usage_error(string spec)
    {
        var result = Run("scan", Oracle("exp1-CatchThrowable"), "--format", spec);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format", result.Stderr);
    }

    [Fact]
    public void Resolve_defaults_to_text_on_stdout()
    {
        var target = Assert.Single(ReportTargets.Resolve([], null, ScanCommand.Formats));
        Assert.Equal(new OutputTarget("text", null), target);
        Assert.Equal(new OutputTarget("json", "x.json"), Assert.Single(ReportTargets.Resolve(["json"], "x.json", ScanCommand.Formats)));
        Assert.Equal(new OutputTarget("json", null), Assert.Single(ReportTargets.Resolve(["json=-"], "x.json", ScanCommand.Formats)));
    }

    [Theory]
    [InlineData("quiet", false)]
    [InlineData("q", false)]
    [InlineData("m", false)]
    [InlineData("minimal", false)]
    [InlineData("normal", false)]
    [InlineData("n", false)]
    [InlineData("detailed", true)]
    [InlineData("d", true)]
    [InlineData("diag", true)]
    [InlineData("Diagnostic", true)]
    public void Verbosity_controls_timings(string verbosity, bool timings)
    {
        var result = Run("scan", Oracle("exp1-CatchThrowable"), "--verbosity", verbosity);
        Assert.Equal(timings, result.Stderr.Contains("timing: " + Oracle("exp1-CatchThrowable") + ": 1 classes in "));
        Assert.Equal(timings, System.Text.RegularExpressions.Regex.IsMatch(result.Stderr,
            @"timing: garbage collection: \d+ collections \(\d+ gen1, \d+ full\), \d+ ms paused, \d+ MB allocated"));
    }

    [Fact]
    public void Quiet_hides_notes_but_not_errors()
    {
        using var folder = new TempFolder();
        var baseline = folder.File("b.json");
        Assert.Equal("", Run("scan", Oracle("exp1-CatchThrowable"), "--write-baseline", baseline, "-v", "quiet").Stderr);
        Assert.Equal(2, Run("scan", "/no/such.jar", "-v", "quiet").ExitCode);
        Assert.Equal(2, Run("scan", Oracle("exp1-CatchThrowable"), "--verbosity", "loud").ExitCode);
    }

    [Fact]
    public void Hidden_findings_never_fail_the_run()
    {
        using var folder = new TempFolder();
        var config = folder.File("c.globalconfig", "is_global = true\ndotnet_diagnostic.BL0001.severity = silent\n");
        Assert.Equal(0, Run("scan", Oracle("exp1-CatchThrowable"), "--target-jdk", "17", "--config", config, "--fail-on", "note").ExitCode);
    }
}
