using System.Text.Json;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

/// <summary>Nothing is lost on bad input: every unreadable input is named, the others are scanned, every report is written, exit 2.</summary>
public sealed class InputErrorTests
{
    [Fact]
    public void Mixed_good_and_bad_inputs_write_every_report_and_exit_2()
    {
        using var folder = new TempFolder();
        string text = folder.File("text-renamed.jar", "hello\n");
        string missing = Path.Combine(folder.Path, "missing.jar");
        string sarif = Path.Combine(folder.Path, "x.sarif");
        string json = Path.Combine(folder.Path, "x.json");
        var result = Run("scan", SampleJar("app.jar"), text, missing, "--format", "sarif=" + sarif, "--format", "json=" + json, "--no-global-config");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(text, result.Stderr);
        Assert.Contains(missing, result.Stderr);

        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.NotEqual(0, run.GetProperty("results").GetArrayLength()); // app.jar's findings
        var invocation = run.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notes = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Select(n => n.GetProperty("message").GetProperty("text").GetString()).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n!.Contains("text-renamed.jar"));
        Assert.Contains(notes, n => n!.Contains("missing.jar"));

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var errors = report.RootElement.GetProperty("inputErrors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal([text, missing], errors);
        Assert.Contains(report.RootElement.GetProperty("inputs").EnumerateArray(), i => i.GetProperty("path").GetString() == SampleJar("app.jar"));
    }

    [Fact]
    public void An_empty_folder_is_a_BL9005_warning_naming_it()
    {
        using var folder = new TempFolder();
        string empty = Directory.CreateDirectory(Path.Combine(folder.Path, "classes")).FullName;
        var result = Run("scan", empty, "--format", "msbuild", "--no-global-config", "--fail-on", "warning");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("warning BL9005", result.Stdout);
        Assert.Contains(empty, result.Stdout);
    }
}

/// <summary><c>explain</c> prints the rule page, whose options table tests keep equal to the declared options.</summary>
public sealed class ExplainOptionsTests
{
    [Fact]
    public void Explain_shows_each_declared_option_with_its_default()
    {
        var result = Run("explain", "BL0003");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in BytecodeLint.Analysis.Rules.RuleRegistry.Catalog.OptionsOf("BL0003"))
            Assert.Contains($"| `{option.Key}` | {option.Kind.ToString().ToLowerInvariant()} | {option.DefaultText} |", result.Stdout);
    }
}
