using BytecodeLint.Analysis.HotSpot;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>The nan-javac case: with no transformer the NaN entries double the pool on every retransform.</summary>
public sealed class NaNOracleTests
{
    [Fact]
    public void Measured_sequence_is_reproduced_on_17_and_25()
    {
        var oracle = OracleCase.Load("nan-javac");
        var original = oracle.Class("original.class");
        Assert.Equal(oracle.Results.GetProperty("original_constant_pool_count").GetInt32(), original.ConstantPool.Count);
        int checkedRuns = 0;
        foreach (var run in oracle.Results.GetProperty("runs").EnumerateArray())
        {
            var measured = run.GetProperty("per_retransform").EnumerateArray()
                .Select(p => (p.GetProperty("merge_cp_len").GetInt32(), p.GetProperty("index_map_len").GetInt32())).ToArray();
            var simulation = HotSpotModel.Simulate(original, null, JdkProfile.Parse(run.GetProperty("jdk").GetString()), measured.Length);
            Assert.Equal(measured, simulation.Steps.Select(s => (s.MergedConstantPoolCount, s.IndexMapLength)).ToArray());
            Assert.Null(simulation.OverflowAtRetransform);
            checkedRuns++;
        }
        Assert.Equal(2, checkedRuns);
    }

    [Theory]
    [InlineData("17")]
    [InlineData("25")]
    [InlineData(null)]
    public void Pool_passes_65535_at_the_15th_retransform(string? jdk)
    {
        // 13 measured doublings end at 24,602; the 14th gives 49,178 and the 15th 98,330 > 65,535
        // (docs/design/hotspot.md §5: JDK 17's 15th merge returned ~98,332 entries, JDK 25 refused it).
        var original = OracleCase.Load("nan-javac").Class("original.class");
        var profile = JdkProfile.Parse(jdk);
        Assert.Equal(15, HotSpotModel.NaNOverflowRetransforms(original, profile));
        var simulation = HotSpotModel.Simulate(original, null, profile, 20);
        Assert.Equal(15, simulation.OverflowAtRetransform);
        Assert.Equal(49178, simulation.Steps[13].MergedConstantPoolCount);
        Assert.True(simulation.Steps[14].MergedConstantPoolCount > 65535);
    }

    [Fact]
    public void A_class_without_NaN_never_overflows()
    {
        var original = OracleCase.Load("exp1-CatchException").Class("original.class");
        Assert.Null(HotSpotModel.NaNOverflowRetransforms(original));
    }
}
