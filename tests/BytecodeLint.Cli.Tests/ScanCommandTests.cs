using System.Text.Json;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

public class ScanCommandTests
{
    [Fact]
    public void Json_output_has_the_documented_schema()
    {
        var result = Run("scan", Oracle("exp1-CatchThrowable"), "--format", "json", "--target-jdk", "17");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("bytecodelint", root.GetProperty("tool").GetString());
        Assert.Equal("17", root.GetProperty("targetJdk").GetString());
        var input = Assert.Single(root.GetProperty("inputs").EnumerateArray());
        Assert.Equal(1, input.GetProperty("classes").GetInt32());
        var d = Assert.Single(root.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("BL0001", d.GetProperty("id").GetString());
        Assert.Equal("warning", d.GetProperty("severity").GetString());
        var location = d.GetProperty("location");
        Assert.Equal("t1.CatchThrowable", location.GetProperty("class").GetString());
        Assert.True(location.GetProperty("line").GetInt32() > 0);
        foreach (var name in new[] { "artifact", "entry", "member", "memberDescriptor", "bytecodeOffset", "sourceFile", "sourcePath" })
            Assert.True(location.TryGetProperty(name, out _), name);
        Assert.Equal(2, d.GetProperty("properties").GetProperty("poolEntriesPerRetransform").GetInt32());
        Assert.False(d.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public void Msbuild_format_maps_to_source_with_a_source_root()
    {
        var sourceRoot = Path.Combine(BytecodeLint.TestUtilities.RepoPaths.Samples, "java", "src", "app");
        var result = Run("scan", SampleJar("app.jar"), "--format", "msbuild", "--target-jdk", "17", "--source-root", sourceRoot);
        var line = Assert.Single(result.Stdout.Split('\n'), l => l.Contains("CatchThrowablePrints.java"));
        Assert.Matches(@"samples/app/CatchThrowablePrints\.java\(\d+,1\): warning BL0001: ", line);
    }

    [Fact]
    public void Msbuild_format_without_source_root_names_the_jar_and_entry()
    {
        var result = Run("scan", SampleJar("app.jar"), "--format", "msbuild", "--target-jdk", "17");
        Assert.Contains("app.jar: warning BL0001: ", result.Stdout);
        Assert.Contains("[" + SampleJar("app.jar") + "!/samples/app/CatchThrowablePrints.class]", result.Stdout);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("never", 0)]
    public void Exit_code_follows_fail_on(string failOn, int expected)
    {
        Assert.Equal(expected, Run("scan", Oracle("exp1-CatchThrowable"), "--target-jdk", "17", "--fail-on", failOn).ExitCode);
    }

    [Fact]
    public void Suppressed_findings_do_not_fail_the_run()
    {
        var file = Path.Combine(BytecodeLint.TestUtilities.RepoPaths.Samples, "java", "classes", "release17", "samples", "app", "SuppressedCatchThrowable.class");
        var result = Run("scan", file, "--target-jdk", "17", "--fail-on", "warning");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 suppressed", result.Stdout);
    }

    [Fact]
    public void Clean_input_exits_zero_even_with_fail_on_note()
    {
        Assert.Equal(0, Run("scan", Oracle("exp1-CatchException"), "--fail-on", "note").ExitCode);
    }

    [Theory]
    [InlineData("scan")]                                     // missing path
    [InlineData("scan", "x.jar", "--format", "yaml")]        // bad format
    [InlineData("scan", "x.jar", "--fail-on", "sometimes")]  // bad fail-on
    [InlineData("bogus-command")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error", result.Stderr);
    }

    [Fact]
    public void Missing_input_exits_2_without_a_stack_trace()
    {
        var result = Run("scan", "/no/such/file.jar");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/file.jar", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Bad_target_jdk_exits_2()
    {
        var result = Run("scan", Oracle("exp1-CatchThrowable"), "--target-jdk", "seventeen");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--target-jdk", result.Stderr);
    }

    [Fact]
    public void Corrupt_class_is_a_diagnostic_not_a_failure()
    {
        var dir = Directory.CreateTempSubdirectory("bl-cli-");
        try
        {
            var good = File.ReadAllBytes(Oracle("exp1-CatchThrowable"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "Good.class"), good);
            File.WriteAllBytes(Path.Combine(dir.FullName, "Bad.class"), good[..40]);
            var result = Run("scan", dir.FullName, "--format", "json", "--target-jdk", "17");
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            var ids = json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
            Assert.Equal(["BL9001", "BL0001"], ids);
            var bad = json.RootElement.GetProperty("diagnostics")[0];
            Assert.Contains("Bad.class", bad.GetProperty("message").GetString());
            Assert.Contains("byte offset", bad.GetProperty("message").GetString());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Output_is_identical_across_thread_counts()
    {
        var one = Run("scan", SampleJar("app.jar"), SampleJar("fat-app.jar"), "--format", "json", "--parallelism", "1");
        var four = Run("scan", SampleJar("app.jar"), SampleJar("fat-app.jar"), "--format", "json", "--parallelism", "4");
        Assert.Equal(one.Stdout, four.Stdout);
        Assert.Contains("BL0001", one.Stdout);
    }

    [Fact]
    public void Output_file_is_written()
    {
        var file = Path.Combine(Path.GetTempPath(), "bl-" + Guid.NewGuid() + ".json");
        try
        {
            var result = Run("scan", Oracle("exp1-CatchThrowable"), "--format", "json", "--output", file);
            Assert.Equal("", result.Stdout);
            Assert.Contains("\"BL0001\"", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Rules_and_explain()
    {
        var rules = Run("rules");
        Assert.Equal(0, rules.ExitCode);
        Assert.Contains("BL0001", rules.Stdout);
        var explain = Run("explain", "bl0001");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# BL0001:", explain.Stdout);
        Assert.Equal(2, Run("explain", "BL4242").ExitCode);
    }
}

public class ScanTransformedTests
{
    [Fact]
    public void Transformed_dumps_are_merged_with_the_scanned_classes()
    {
        var root = Directory.CreateTempSubdirectory("bl-transformed-");
        try
        {
            var folder = Path.Combine(BytecodeLint.TestUtilities.RepoPaths.OracleCases, "ldc-smt6k-w115-rebuild");
            var original = File.ReadAllBytes(Path.Combine(folder, "original.class"));
            string name = BytecodeLint.ClassFile.JavaClass.Parse(original).Name;
            foreach (var (sub, file) in new[] { ("app", "original.class"), ("dump", "transformed.class") })
            {
                var target = Path.Combine(root.FullName, sub, name + ".class");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(folder, file), target);
            }
            var result = Run("scan", Path.Combine(root.FullName, "app"), "--transformed", Path.Combine(root.FullName, "dump"),
                "--format", "json", "--target-jdk", "17", "--no-global-config");
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            var d = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
            Assert.Equal("BL0002", d.GetProperty("id").GetString());
            Assert.Equal(115, d.GetProperty("properties").GetProperty("widenedLdc").GetInt32());
            Assert.Contains("1 changed pairs merged", result.Stderr);
        }
        finally
        {
            root.Delete(true);
        }
    }

    [Fact]
    public void Missing_dump_folder_exits_2()
    {
        var result = Run("scan", Oracle("exp1-CatchException"), "--transformed", "/no/such/dump", "--no-global-config");
        Assert.Equal(2, result.ExitCode);
    }
}
