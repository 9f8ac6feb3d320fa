using System.Globalization;
using System.Text.Json;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Cli.Tests;

/// <summary>
/// <c>bytecodelint simulate</c> on the generated pairs of tests/TestData/widening-cost, against the
/// widened-ldc counts HotSpot logged when they were retransformed on JDK 17 and 25
/// (samples/java/measure/results/widening-cost-measured.tsv) and the Metaspace those widenings cost
/// (tests/TestData/widening-cost/measured.tsv: the retransform minus a control that widens nothing).
/// </summary>
public class WideningCostPairTests
{
    private static string PairsDir => Path.Combine(RepoPaths.Root, "tests", "TestData", "widening-cost");

    private static string MeasuredTsv =>
        Path.Combine(RepoPaths.Samples, "java", "measure", "results", "widening-cost-measured.tsv");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(PairsDir, "cases.tsv")).Skip(1))
        {
            string name = line.Split('\t')[0];
            data.Add(name, "17");
            data.Add(name, "25");
        }
        return data;
    }

    /// <summary>The ldc->ldc_w lines HotSpot logged for the case's real retransform on that JDK.</summary>
    private static int MeasuredWidenings(string name, string jdk)
    {
        foreach (var line in File.ReadLines(MeasuredTsv).Skip(1))
        {
            var f = line.Split('\t');
            if (f[0] == name && f[1].Split('.')[0] == jdk && f[2] == "transformed")
                return int.Parse(f[3], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"no measurement for {name} on JDK {jdk}");
    }

    /// <summary>Retransform minus control, in bytes, as committed beside the pairs.</summary>
    private static long MeasuredWideningBytes(string name, string jdk)
    {
        foreach (var line in File.ReadLines(Path.Combine(PairsDir, "measured.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            if (f[0] == name && f[1].Split('.')[0] == jdk) return long.Parse(f[3], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"no measured cost for {name} on JDK {jdk}");
    }

    /// <summary>The JSON report of <c>simulate</c> on one measured pair.</summary>
    private static JsonElement Simulate(string name, string jdk)
    {
        string dir = Path.Combine(PairsDir, name);
        var result = CliRunner.Run("simulate", Path.Combine(dir, "original.class"), Path.Combine(dir, "transformed.class"),
            "--jdk", jdk, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simulated_widening_cost_is_within_25_percent_of_the_measured_one(string name, string jdk)
    {
        var root = Simulate(name, jdk);
        // The per-method estimates are the clones alone; the total adds the rebuilt class, which the control cancels.
        long estimate = root.GetProperty("methods").EnumerateArray().Sum(m => m.GetProperty("estimatedBytes").GetInt64());
        long measured = MeasuredWideningBytes(name, jdk);
        double ratio = estimate / (double)measured;
        Assert.True(ratio is >= 0.75 and <= 1.25, $"{name} on JDK {jdk}: simulate {estimate:N0} B, measured {measured:N0} B, ratio {ratio:F2}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simulated_widenings_equal_the_logged_ones_and_all_fall_in_run(string name, string jdk)
    {
        var root = Simulate(name, jdk);

        int measured = MeasuredWidenings(name, jdk);
        Assert.True(measured >= 150, $"{name}: the measurement should widen at least 150 ldc, was {measured}");
        Assert.Equal(measured, root.GetProperty("widenedLdc").GetInt32());
        // The pairs differ only in pool order: nothing is appended, every method but run() keeps its ldc.
        Assert.Equal(0, root.GetProperty("appendedEntries").GetInt32());
        foreach (var method in root.GetProperty("methods").EnumerateArray())
        {
            int expected = method.GetProperty("name").GetString() == "run" ? measured : 0;
            Assert.Equal(expected, method.GetProperty("widenedLdc").GetInt32());
        }
    }
}
