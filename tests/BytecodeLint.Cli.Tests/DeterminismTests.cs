using BytecodeLint.Analysis.Inventory;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

/// <summary>
/// Issue 7: output is byte-identical across runs and thread counts. Parallel entry processing must
/// not leak scheduling order into findings, their properties, summaries or inventory counts.
/// </summary>
public sealed class DeterminismTests
{
    // Plain jars, a war, a fat jar with nested jars, an agent jar (cross-class BL0002/agent rules), multi-release.
    private static readonly string[] Inputs =
        ["app.jar", "app.war", "fat-app.jar", "agent-rebuild.jar", "agent-bad.jar", "multi-release.jar", "widening.jar"];

    private static string[] Paths => Inputs.Select(SampleJar).ToArray();

    [Fact]
    public void Scan_json_is_byte_identical_across_runs_and_parallelism_1_2_and_8()
    {
        var outputs = new[] { "1", "2", "8", "8", "2" }
            .Select(p => Run(["scan", .. Paths, "--format", "json", "--fail-on", "never", "--parallelism", p]))
            .ToList();

        Assert.All(outputs, o => Assert.Equal(0, o.ExitCode));
        Assert.All(outputs, o => Assert.Equal(outputs[0].Stdout, o.Stdout));
        // The comparison is only meaningful if the scan found things across several classes and a nested jar.
        Assert.Contains("\"BL0001\"", outputs[0].Stdout);
        Assert.Contains("\"BL0002\"", outputs[0].Stdout);
        Assert.Contains(".jar!/", outputs[0].Stdout);
    }

    [Fact]
    public void Inspect_json_is_byte_identical_across_runs()
    {
        var first = Run(["inspect", .. Paths, "--format", "json", "--details"]);
        var second = Run(["inspect", .. Paths, "--format", "json", "--details"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("ldc", first.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Inspect_json_does_not_depend_on_the_thread_count(int threads)
    {
        Assert.Equal(InspectJson(1), InspectJson(threads));
    }

    /// <summary>The inspect command's JSON for the inputs, inventoried with a given number of threads.</summary>
    private static string InspectJson(int threads)
    {
        var inventories = Paths.Select(p => InputInventory.Scan(p, withDetails: true, maxDegreeOfParallelism: threads)).ToList();
        var writer = new StringWriter { NewLine = "\n" };
        InspectJsonReport.Write(writer, inventories, withDetails: true);
        string json = writer.ToString();
        Assert.Contains("throwable", json, StringComparison.OrdinalIgnoreCase);
        return json;
    }
}
