namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// Picks the law that explains retained Metaspace. The BIC decides between linear, quadratic and
/// exponential, with two guards that keep the answer physical: a quadratic must curve upwards, and an
/// exponential must beat the quadratic clearly (both are convex over a short range) unless the
/// redefinition log shows pool doubling; a constant per-redefinition pool growth favours the quadratic.
/// </summary>
public static class GrowthModelSelector
{
    /// <summary>Retained growth below this many bytes (and below 10 % of the start) is level.</summary>
    public const long FlatBytes = 2L << 20;

    /// <summary>Below this R² the best law still explains too little to extrapolate from.</summary>
    public const double MinRSquared = 0.5;

    /// <summary>A BIC difference of 10 is "very strong" evidence (Kass and Raftery).</summary>
    private const double StrongBic = 10;

    public static (FittedCurve? Best, IReadOnlyList<FittedCurve> All) Select(IReadOnlyList<double> xs, IReadOnlyList<double> ys, PoolGrowthPattern? hint)
    {
        var linear = CurveFitter.Linear(xs, ys);
        if (linear == null)
            return (null, []);
        var quadratic = CurveFitter.Quadratic(xs, ys);
        var exponential = CurveFitter.Exponential(xs, ys);
        var all = new[] { linear, quadratic, exponential }.OfType<FittedCurve>().ToList();

        var xmin = xs.Min();
        var xmax = xs.Max();
        var rise = linear.Evaluate(xmax) - linear.Evaluate(xmin);
        var start = Math.Max(1, ys.Min());
        if (rise < FlatBytes && rise < 0.1 * start)
            return (linear with { Shape = GrowthShape.Flat }, all);

        var best = linear;
        if (quadratic is { } q && q.Coefficients[2] > 0 && q.Bic < best.Bic)
            best = q;
        if (exponential is { } e && e.Coefficients[2] > 0)
        {
            var margin = hint == PoolGrowthPattern.Doubling ? -StrongBic : StrongBic;
            if (e.Bic < best.Bic - margin)
                best = e;
        }
        if (hint == PoolGrowthPattern.Constant && quadratic is { } hq && hq.Coefficients[2] > 0 && hq.Bic < best.Bic + StrongBic)
            best = hq;
        // No law explains scattered readings (several runs in one file, heavy class unloading): claim none.
        return (best.RSquared >= MinRSquared ? best : null, all);
    }
}
