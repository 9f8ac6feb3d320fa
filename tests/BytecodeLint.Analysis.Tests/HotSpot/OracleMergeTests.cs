using BytecodeLint.Analysis.HotSpot;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>
/// The model against every measured JVM run in <c>tests/TestData/oracle/cases</c>: pool sizes, index-map
/// length and widened <c>ldc</c> must equal what HotSpot logged, exactly.
/// </summary>
public sealed class OracleMergeTests
{
    public static TheoryData<string> LdcCases => OracleCase.Names("ldc-");

    public static TheoryData<string> Exp1Cases => OracleCase.Names("exp1-");

    [Theory]
    [MemberData(nameof(LdcCases))]
    public void Pair_merge_matches_every_logged_run(string name)
    {
        var oracle = OracleCase.Load(name);
        var original = oracle.Class("original.class");
        var transformed = oracle.Class("transformed.class");
        Assert.NotEmpty(oracle.Runs);
        foreach (var run in oracle.Runs)
        {
            int redefinitions = run.Log("redefinitions");
            var simulation = HotSpotModel.Simulate(original, transformed, run.Profile, redefinitions, run.Unverified);
            var first = simulation.Steps[0];
            var last = simulation.Steps[^1];
            Assert.Equal(run.Log("first_old_cp_len"), first.OldConstantPoolCount);
            Assert.Equal(run.Log("first_scratch_cp_len"), first.ScratchConstantPoolCount);
            Assert.Equal(run.Log("first_merge_cp_len"), first.MergedConstantPoolCount);
            Assert.Equal(run.Log("first_index_map_len"), first.IndexMapLength);
            Assert.Equal(run.Log("last_old_cp_len"), last.OldConstantPoolCount);
            Assert.Equal(run.Log("last_merge_cp_len"), last.MergedConstantPoolCount);
            Assert.Equal(run.Log("last_index_map_len"), last.IndexMapLength);
            Assert.Equal(run.Log("widened_ldc_total"), simulation.TotalWidenedLdc);
            Assert.Equal(run.Log("ldc_index_rewrites_total"), simulation.Steps.Sum(s => s.PatchedLdc));
        }
    }

    [Theory]
    [MemberData(nameof(LdcCases))]
    public void Pair_merge_matches_the_offline_prediction_recorded_with_the_case(string name)
    {
        var oracle = OracleCase.Load(name);
        var predicted = oracle.Results.GetProperty("predicted_merge_original_vs_transformed");
        var outcome = HotSpotModel.Merge(oracle.Class("original.class"), oracle.Class("transformed.class"), JdkProfile.ForFeature(17));
        Assert.Equal(predicted.GetProperty("old_cp_count").GetInt32(), outcome.OldConstantPoolCount);
        Assert.Equal(predicted.GetProperty("new_cp_count").GetInt32(), outcome.ScratchConstantPoolCount);
        Assert.Equal(predicted.GetProperty("merged_cp_count").GetInt32(), outcome.MergedConstantPoolCount);
        Assert.Equal(predicted.GetProperty("index_map_len").GetInt32(), outcome.IndexMapLength);
        Assert.Equal(predicted.GetProperty("widened_ldc").GetInt32(), outcome.WidenedLdc);
        Assert.Equal(predicted.GetProperty("ldc_index_rewritten_no_widen").GetInt32(), outcome.PatchedLdc);
    }

    [Fact]
    public void Merging_the_same_models_from_several_threads_gives_the_same_outcome()
    {
        // Rules may share one ClassModel across threads: a public merge never writes into the old pool.
        var oracle = OracleCase.Load("ldc-smt6k-w115-rebuild");
        var original = ClassModel.From(oracle.Class("original.class"));
        var transformed = ClassModel.From(oracle.Class("transformed.class"));
        var outcomes = new MergeOutcome[16];
        Parallel.For(0, outcomes.Length, i => outcomes[i] = HotSpotModel.Merge(original, transformed, JdkProfile.ForFeature(17)));
        Assert.All(outcomes, o => Assert.Equal((1132, 826, 115), (o.MergedConstantPoolCount, o.IndexMapLength, o.WidenedLdc)));
        Assert.Equal(1124, original.Pool.Count);
        var again = HotSpotModel.Simulate(original, transformed, JdkProfile.ForFeature(17), 3);
        Assert.Equal([1132, 1132, 1132], again.ConstantPoolSizes);
    }

    [Theory]
    [InlineData("ldc-smt6k-w115-preserve")]
    [InlineData("ldc-smt6k-w115-null")]
    public void Pool_preserving_and_null_transformers_widen_nothing(string name)
    {
        var oracle = OracleCase.Load(name);
        foreach (var jdk in new[] { 17, 25 })
        {
            var outcome = HotSpotModel.Merge(oracle.Class("original.class"), oracle.Class("transformed.class"), JdkProfile.ForFeature(jdk));
            Assert.Equal(0, outcome.WidenedLdc);
            Assert.Equal(0, outcome.IndexMapLength);
            Assert.Equal(0, outcome.EstimatedBytes);
        }
    }

    [Theory]
    [InlineData("ldc-smt6k-w115-rebuild")]
    [InlineData("ldc-smt216k-w30-rebuild")]
    public void Byte_estimate_is_within_15_percent_of_the_measured_first_retransform(string name)
    {
        var oracle = OracleCase.Load(name);
        var runs = oracle.Runs.Where(r => r.MetaspaceSizeLarge && r.FirstRetransformUsedDelta is not null).ToList();
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            var outcome = HotSpotModel.Merge(oracle.Class("original.class"), oracle.Class("transformed.class"), run.Profile);
            double measured = run.FirstRetransformUsedDelta!.Value;
            Assert.InRange(outcome.EstimatedBytes / measured, 0.85, 1.15);
            // The first fit is kept available; it must stay in the same band on these large methods.
            Assert.InRange(outcome.FirstFitBytes / measured, 0.85, 1.15);
        }
    }

    [Theory]
    [MemberData(nameof(Exp1Cases))]
    public void No_transformer_retransforms_match_every_logged_run(string name)
    {
        var oracle = OracleCase.Load(name);
        var original = oracle.Class("original.class");
        // Runs of up to ~1,000 retransforms keep the suite fast; the 1,888 and 5,001 runs follow the same +2 line.
        var runs = oracle.Runs.Where(r => r.HasLog && r.Log("redefinitions") <= 1001).ToList();
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            int redefinitions = run.Log("redefinitions");
            var simulation = HotSpotModel.Simulate(original, null, run.Profile, redefinitions, run.Unverified);
            Assert.Equal(run.Log("first_old_cp_len"), simulation.Steps[0].OldConstantPoolCount);
            Assert.Equal(run.Log("first_merge_cp_len"), simulation.Steps[0].MergedConstantPoolCount);
            Assert.Equal(run.Log("first_index_map_len"), simulation.Steps[0].IndexMapLength);
            Assert.Equal(run.Log("last_old_cp_len"), simulation.Steps[^1].OldConstantPoolCount);
            Assert.Equal(run.Log("last_merge_cp_len"), simulation.Steps[^1].MergedConstantPoolCount);
            Assert.Equal(run.Log("last_index_map_len"), simulation.Steps[^1].IndexMapLength);
            Assert.Equal(run.Log("widened_ldc_total"), simulation.TotalWidenedLdc);
        }
    }

    [Theory]
    [InlineData("exp1-CatchThrowable", 2)]
    [InlineData("exp1-TryWithResources", 2)]
    [InlineData("exp1-CatchThrowableNoCall", 0)]
    [InlineData("exp1-CatchException", 0)]
    public void Growth_per_retransform_is_2_for_the_classes_that_leaked_on_17_and_0_on_25(string name, int growthOn17)
    {
        var original = OracleCase.Load(name).Class("original.class");
        Assert.Equal(growthOn17, HotSpotModel.Simulate(original, null, JdkProfile.Parse("17"), 1000).GrowthPerRetransform);
        Assert.Equal(growthOn17, HotSpotModel.RetransformGrowth(original, JdkProfile.Parse("21.0.4"), 10));
        Assert.Equal(0, HotSpotModel.Simulate(original, null, JdkProfile.Parse("25"), 1000).GrowthPerRetransform);
        Assert.Equal(0, HotSpotModel.RetransformGrowth(original, JdkProfile.Parse("22"), 10));
        Assert.Equal(0, HotSpotModel.RetransformGrowth(original, JdkProfile.Parse("11"), 10));
    }

    [Theory]
    [InlineData("exp1-CatchThrowable")]
    [InlineData("exp1-TryWithResources")]
    public void Metaspace_after_1000_leaking_retransforms_is_within_10_percent(string name)
    {
        var oracle = OracleCase.Load(name);
        var run = oracle.Runs.Single(r => r.VmArgs.Contains("-default-n1000-", StringComparison.Ordinal) && r.Jdk.StartsWith("17", StringComparison.Ordinal));
        var simulation = HotSpotModel.Simulate(oracle.Class("original.class"), null, run.Profile, 1000);
        Assert.InRange(simulation.EstimatedBytesAfterRetransforms / (double)run.UsedDelta, 0.9, 1.1);
    }

    [Theory]
    [MemberData(nameof(Exp1Cases))]
    public void Pool_after_1000_retransforms_is_the_pool_the_JVM_handed_out(string name)
    {
        // transformed.class is what JDK 17 reconstituted after 1,000 no-op retransforms; the
        // simulated pool must hold the same entries at the same indices (transformed-jdk25.class on 25).
        var oracle = OracleCase.Load(name);
        foreach (var (jdk, file) in new[] { (17, "transformed.class"), (25, "transformed-jdk25.class") })
        {
            var simulation = HotSpotModel.Simulate(oracle.Class("original.class"), null, JdkProfile.ForFeature(jdk), 1000);
            var simulated = simulation.Steps[^1];
            var handedOut = ClassModel.From(oracle.Class(file)).Pool;
            Assert.Equal(handedOut.Count, simulated.MergedConstantPoolCount);
            var pool = simulation.Final.Pool;
            for (int i = 1; i < handedOut.Count; i++)
            {
                Assert.Equal(handedOut[i].Kind, pool[i].Kind);
                Assert.Equal(handedOut.KeyAt(i), pool.KeyAt(i));
            }
        }
    }
}
