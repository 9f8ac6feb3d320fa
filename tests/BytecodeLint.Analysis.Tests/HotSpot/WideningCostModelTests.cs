using System.Globalization;
using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>
/// The widening-cost model against what JDK 17.0.15 and 25.0.3 measured for the generated pairs of
/// tests/TestData/widening-cost (measured.tsv there: one retransform minus a control retransform
/// that widens nothing). Each case varies one thing a clone copies; agent-wrap-w300 is what an
/// agent that wraps 300 call sites emits.
/// </summary>
public sealed class WideningCostModelTests
{
    /// <summary>The band the model must hold on every measured case.</summary>
    private const double Tolerance = 0.25;

    private static string PairsDir => Path.Combine(RepoPaths.Root, "tests", "TestData", "widening-cost");

    public static TheoryData<string, string, int, long> Measurements()
    {
        var data = new TheoryData<string, string, int, long>();
        foreach (var line in File.ReadLines(Path.Combine(PairsDir, "measured.tsv")).Skip(1))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return data;
    }

    /// <summary>The widening part of the estimate: what the clones add, without the per-retransform base.</summary>
    internal static long ModelledWideningBytes(string name, string jdk, out int widened)
    {
        string dir = Path.Combine(PairsDir, name);
        var outcome = HotSpotModel.Merge(JavaClass.Parse(File.ReadAllBytes(Path.Combine(dir, "original.class"))),
            JavaClass.Parse(File.ReadAllBytes(Path.Combine(dir, "transformed.class"))), JdkProfile.Parse(jdk));
        widened = outcome.WidenedLdc;
        return outcome.Methods.Sum(m => m.EstimatedBytes);
    }

    [Theory]
    [MemberData(nameof(Measurements))]
    public void Estimate_is_within_25_percent_of_the_measured_widening_cost(string name, string jdk, int measuredWidened, long measuredBytes)
    {
        long estimate = ModelledWideningBytes(name, jdk, out int widened);
        Assert.Equal(measuredWidened, widened);
        double ratio = estimate / (double)measuredBytes;
        Assert.True(Math.Abs(ratio - 1) <= Tolerance,
            $"{name} on JDK {jdk}: estimate {estimate:N0} B, measured {measuredBytes:N0} B, ratio {ratio:F2}");
    }

    [Fact]
    public void The_measurements_cover_an_agent_scale_exception_table()
    {
        // The case the issue is about: ≥ 300 widened ldc in a method with ≥ 900 exception-table entries.
        var rows = Measurements().Select(r => ((string)r[0], (int)r[2])).ToList();
        Assert.Contains(rows, r => r.Item1 == "agent-wrap-w300" && r.Item2 >= 300);
        Assert.Contains(rows, r => r.Item1 == "exc900-w300" && r.Item2 >= 300);
        Assert.Equal(34, rows.Count);
    }
}
