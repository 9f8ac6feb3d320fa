using System.Text;
using System.Text.Json;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

/// <summary>The shared vocabulary: one name per option, unknown tokens named, values checked before any work.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("unknown option '--targetjdk'; did you mean '--target-jdk'?", "scan", "--targetjdk", "17")]
    [InlineData("unknown option '--fromat'; did you mean '--format'?", "inspect", "--fromat", "json")]
    [InlineData("unknown option '--frobnicate'", "scan", "--frobnicate")]
    [InlineData("unknown option '--jdkk'; did you mean '--jdk'?", "simulate", "--jdkk", "17")]
    [InlineData("unknown option '--foo'", "rules", "--foo")]
    public void Unknown_option_is_named_and_never_taken_as_a_path(string message, params string[] args)
    {
        var result = Run([.. args, SampleJar("app.jar"), .. args[0] == "simulate" ? new[] { SampleJar("app.jar") } : []]);
        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.StartsWith("error: " + message + "\n", result.Stderr);
        Assert.DoesNotContain("no such file", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void A_path_after_double_dash_may_start_with_a_dash()
    {
        var result = Run("scan", "--", "-missing.jar");
        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.DoesNotContain("unknown option", result.Stderr);
        Assert.Contains("-missing.jar", result.Stderr);
    }

    [Fact]
    public void Command_typo_suggests_the_command()
    {
        var result = Run("scna", "x.jar");
        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.StartsWith("error: unknown command 'scna'; did you mean 'scan'?", result.Stderr);
    }

    [Fact]
    public void Help_command_is_the_commands_help()
    {
        var result = Run("help", "scan");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(" scan <paths>... [options]", result.Stdout);
        Assert.Contains("-f, --format", result.Stdout);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1.7")]
    [InlineData("99")]
    [InlineData("26")]
    public void Target_jdk_outside_the_modelled_range_is_refused(string jdk)
    {
        var scan = Run("scan", SampleJar("app.jar"), "--target-jdk", jdk);
        Assert.Equal(ExitCodes.UsageOrInput, scan.ExitCode);
        Assert.Contains("outside the releases bytecodelint models (8 to 25", scan.Stderr);
        var simulate = Run("simulate", SampleJar("app.jar"), SampleJar("app.jar"), "--jdk", jdk);
        Assert.Equal(ExitCodes.UsageOrInput, simulate.ExitCode);
        Assert.Contains("outside the releases", simulate.Stderr);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("1.8")]
    [InlineData("25")]
    [InlineData("21.0.4+7")]
    public void Target_jdk_inside_the_range_is_accepted(string jdk) =>
        Assert.NotEqual(ExitCodes.UsageOrInput, Run("scan", SampleJar("app.jar"), "--target-jdk", jdk, "--no-global-config").ExitCode);

    [Fact]
    public void Simulate_takes_target_jdk_and_keeps_jdk_as_an_alias()
    {
        string jar = SampleJar("app.jar");
        var canonical = Run("simulate", jar, jar, "--target-jdk", "17", "-f", "json");
        var alias = Run("simulate", jar, jar, "--jdk", "17", "-f", "json");
        Assert.Equal(0, canonical.ExitCode);
        Assert.Equal(canonical.Stdout, alias.Stdout);
        Assert.Equal("17", JsonDocument.Parse(canonical.Stdout).RootElement.GetProperty("jdk").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Parallelism_below_one_is_refused(string value)
    {
        var result = Run("scan", SampleJar("app.jar"), "--parallelism", value);
        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("--parallelism must be at least 1", result.Stderr);
    }

    [Fact]
    public void Verbosity_rejects_what_dotnet_rejects()
    {
        var result = Run("scan", SampleJar("app.jar"), "-v", "loud");
        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("q[uiet], m[inimal], n[ormal], d[etailed] or diag[nostic]", result.Stderr);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("simulate")]
    [InlineData("rules")]
    public void Every_reporting_command_takes_short_format_and_output(string command)
    {
        using var folder = new TempFolder();
        string file = folder.File("report.json");
        string[] inputs = command switch
        {
            "inspect" => [SampleJar("app.jar")],
            "simulate" => [SampleJar("app.jar"), SampleJar("app.jar")],
            _ => [],
        };
        var result = Run([command, .. inputs, "-f", "json", "-o", file]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void Rules_json_lists_every_rule()
    {
        var result = Run("rules", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var rules = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(BytecodeLint.Analysis.Rules.RuleRegistry.AllDescriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "BL9004").GetProperty("defaultSeverity").GetString());
        Assert.False(rules.Single(r => r.GetProperty("id").GetString() == "BL9004").GetProperty("enabledByDefault").GetBoolean());
    }

    [Fact]
    public void A_failing_standard_output_is_a_usage_error_not_a_bug()
    {
        var stderr = new StringWriter { NewLine = "\n" };
        int code = BytecodeLintApp.Run(["rules"], new FullDisk(), stderr);
        Assert.Equal(ExitCodes.UsageOrInput, code);
        Assert.StartsWith("error: cannot write to standard output: No space left on device", stderr.ToString());
        Assert.DoesNotContain("bug", stderr.ToString());
    }

    [Fact]
    public void Unknown_option_distance_counts_a_swap_as_one_edit()
    {
        Assert.Equal(1, UnknownTokens.Distance("--fromat", "--format"));
        Assert.Equal(1, UnknownTokens.Distance("--targetjdk", "--target-jdk"));
        Assert.Equal(0, UnknownTokens.Distance("--FORMAT", "--format"));
    }

    /// <summary>Standard output on a full disk, as <c>&gt; /dev/full</c> gives.</summary>
    private sealed class FullDisk : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }
}
