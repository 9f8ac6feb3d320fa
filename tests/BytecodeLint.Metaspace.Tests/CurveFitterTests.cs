using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Metaspace.Tests;

public class CurveFitterTests
{
    private static readonly double[] Xs = Enumerable.Range(0, 30).Select(i => i * 65.0).ToArray();

    [Fact]
    public void Quadratic_recovers_the_HotSpot_law()
    {
        // docs/design/hotspot.md §2 with cp0 = 39: 4 MB + 28·39 B·N + 34 B·N².
        var ys = Xs.Select(n => 4e6 + 28 * 39 * n + 34 * n * n).ToArray();
        var fit = CurveFitter.Quadratic(Xs, ys)!;
        Assert.Equal(4e6, fit.Coefficients[0], 1e-3 * 4e6);
        Assert.Equal(28 * 39, fit.Coefficients[1], 1.0);
        Assert.Equal(34, fit.Coefficients[2], 1e-3);
        Assert.Equal(1, fit.RSquared, 9);
        var (best, _) = GrowthModelSelector.Select(Xs, ys, hint: null);
        Assert.Equal(GrowthShape.Quadratic, best!.Shape);
    }

    [Fact]
    public void Linear_growth_is_linear()
    {
        var noise = new Random(1);
        var ys = Xs.Select(n => 5e6 + 20_000 * n + noise.Next(-50_000, 50_000)).ToArray();
        var (best, _) = GrowthModelSelector.Select(Xs, ys, hint: null);
        Assert.Equal(GrowthShape.Linear, best!.Shape);
        Assert.Equal(20_000, best.Coefficients[1], 500.0);
    }

    [Fact]
    public void Doubling_growth_is_exponential()
    {
        // A pool that doubles each retransform (docs/design/hotspot.md §5): bytes ∝ 2^N.
        var xs = Enumerable.Range(0, 14).Select(i => (double)i).ToArray();
        var ys = xs.Select(n => 4e6 + 2000 * Math.Pow(2, n)).ToArray();
        var exp = CurveFitter.Exponential(xs, ys)!;
        Assert.Equal(Math.Log(2), exp.Coefficients[2], 1e-3);
        var (best, _) = GrowthModelSelector.Select(xs, ys, hint: null);
        Assert.Equal(GrowthShape.Exponential, best!.Shape);
    }

    [Fact]
    public void Level_series_is_flat()
    {
        var ys = Xs.Select(n => 4.3e6 + (n % 3) * 1000).ToArray();
        var (best, _) = GrowthModelSelector.Select(Xs, ys, hint: PoolGrowthPattern.None);
        Assert.Equal(GrowthShape.Flat, best!.Shape);
    }

    [Theory]
    [InlineData(GrowthShape.Linear)]
    [InlineData(GrowthShape.Quadratic)]
    [InlineData(GrowthShape.Exponential)]
    public void Solve_inverts_evaluate(GrowthShape shape)
    {
        var curve = new FittedCurve(shape, shape switch
        {
            GrowthShape.Linear => [1e6, 5e4],
            GrowthShape.Quadratic => [1e6, 1e3, 35],
            _ => [1e6, 1e3, 0.01],
        }, 1, 0, 0);
        var x = curve.Solve(128e6, 0)!.Value;
        Assert.Equal(128e6, curve.Evaluate(x), 1.0);
        Assert.Null(new FittedCurve(GrowthShape.Linear, [1e6, -5], 1, 0, 0).Solve(128e6, 0));
    }

    [Fact]
    public void Scattered_readings_get_no_law()
    {
        // Two runs of the same leak in one file: the readings saw-tooth and no single law fits.
        var xs = Enumerable.Range(0, 40).Select(i => (double)(i % 20) * 100).Select((x, i) => i < 20 ? x : 2000 + x).ToArray();
        var ys = Enumerable.Range(0, 40).Select(i => 4e6 + 34.0 * Math.Pow(i % 20 * 100, 2)).ToArray();
        var (best, all) = GrowthModelSelector.Select(xs, ys, hint: null);
        Assert.Null(best);
        Assert.NotEmpty(all);
    }
}
