namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// Least-squares fits of the three growth laws, with x scaled to [0, 1] for conditioning and the
/// Bayesian information criterion to compare models with different parameter counts.
/// </summary>
public static class CurveFitter
{
    public static FittedCurve? Linear(IReadOnlyList<double> xs, IReadOnlyList<double> ys) => Polynomial(xs, ys, 1);

    public static FittedCurve? Quadratic(IReadOnlyList<double> xs, IReadOnlyList<double> ys) => Polynomial(xs, ys, 2);

    /// <summary>y = c + a·e^(k·x) with k searched on a log scale, (c, a) solved exactly for each k.</summary>
    public static FittedCurve? Exponential(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        if (xs.Count < 4)
            return null;
        var (x0, span) = Range(xs);
        if (span <= 0)
            return null;
        // Search the rate per unit of scaled x (u in [0, 1]) between e^0.01 and e^60 growth over the range.
        double Sse(double logK, out double c, out double a)
        {
            var k = Math.Exp(logK);
            var basis = xs.Select(x => Math.Exp(k * ((x - x0) / span - 1))).ToArray();
            (c, a) = SolveTwo(basis, ys);
            double sse = 0;
            for (var i = 0; i < ys.Count; i++)
            {
                var r = ys[i] - (c + a * basis[i]);
                sse += r * r;
            }
            return a > 0 ? sse : double.PositiveInfinity;
        }
        double lo = Math.Log(0.01), hi = Math.Log(60);
        var best = double.PositiveInfinity;
        var bestLogK = lo;
        for (var i = 0; i <= 60; i++)
        {
            var lk = lo + (hi - lo) * i / 60;
            var s = Sse(lk, out _, out _);
            if (s < best)
            {
                best = s;
                bestLogK = lk;
            }
        }
        // Golden-section refinement around the best grid point.
        double step = (hi - lo) / 60, left = bestLogK - step, right = bestLogK + step;
        var g = (Math.Sqrt(5) - 1) / 2;
        for (var iter = 0; iter < 60; iter++)
        {
            var m1 = right - g * (right - left);
            var m2 = left + g * (right - left);
            if (Sse(m1, out _, out _) < Sse(m2, out _, out _))
                right = m2;
            else
                left = m1;
        }
        var logK = (left + right) / 2;
        var sse = Sse(logK, out var cc, out var aa);
        if (!double.IsFinite(sse))
            return null;
        // Back to the caller's x: a·e^(k(u-1)) with u = (x-x0)/span  →  a' e^(k' x).
        var kk = Math.Exp(logK) / span;
        var a0 = aa * Math.Exp(-Math.Exp(logK) - kk * x0);
        return Build(GrowthShape.Exponential, [cc, a0, kk], xs, ys, sse, parameters: 3);
    }

    private static FittedCurve? Polynomial(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int degree)
    {
        var n = xs.Count;
        if (n < degree + 2)
            return null;
        var (x0, span) = Range(xs);
        if (span <= 0)
            return null;
        var size = degree + 1;
        var m = new double[size, size + 1];
        for (var i = 0; i < n; i++)
        {
            var u = (xs[i] - x0) / span;
            var powers = new double[2 * size];
            powers[0] = 1;
            for (var p = 1; p < powers.Length; p++)
                powers[p] = powers[p - 1] * u;
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                    m[r, c] += powers[r + c];
                m[r, size] += powers[r] * ys[i];
            }
        }
        var coef = SolveLinearSystem(m, size);
        if (coef == null)
            return null;
        // Expand p(u), u = (x - x0)/span, into coefficients of x.
        var result = new double[size];
        for (var k = 0; k < size; k++)
        {
            // coef[k] * ((x - x0)/span)^k, binomial expansion
            for (var j = 0; j <= k; j++)
                result[j] += coef[k] * Binomial(k, j) * Math.Pow(-x0, k - j) / Math.Pow(span, k);
        }
        double sse = 0;
        var shape = degree == 1 ? GrowthShape.Linear : GrowthShape.Quadratic;
        var curve = new FittedCurve(shape, result, 0, 0, 0);
        for (var i = 0; i < n; i++)
        {
            var r = ys[i] - curve.Evaluate(xs[i]);
            sse += r * r;
        }
        return Build(shape, result, xs, ys, sse, size);
    }

    private static FittedCurve Build(GrowthShape shape, double[] coefficients, IReadOnlyList<double> xs, IReadOnlyList<double> ys, double sse, int parameters)
    {
        var n = ys.Count;
        var mean = ys.Average();
        var sst = ys.Sum(y => (y - mean) * (y - mean));
        var r2 = sst > 0 ? 1 - sse / sst : 1;
        var rms = Math.Sqrt(sse / n);
        // BIC with a floor on the residual so a perfect fit of exact data does not produce -infinity.
        var floor = Math.Max(sse / n, 1.0);
        var bic = n * Math.Log(floor) + parameters * Math.Log(n);
        return new FittedCurve(shape, coefficients, r2, rms, bic);
    }

    private static (double C, double A) SolveTwo(double[] basis, IReadOnlyList<double> ys)
    {
        double n = basis.Length, sb = 0, sbb = 0, sy = 0, sby = 0;
        for (var i = 0; i < basis.Length; i++)
        {
            sb += basis[i];
            sbb += basis[i] * basis[i];
            sy += ys[i];
            sby += basis[i] * ys[i];
        }
        var det = n * sbb - sb * sb;
        if (Math.Abs(det) < 1e-12)
            return (sy / n, 0);
        var a = (n * sby - sb * sy) / det;
        var c = (sy - a * sb) / n;
        return (c, a);
    }

    private static double[]? SolveLinearSystem(double[,] m, int size)
    {
        for (var col = 0; col < size; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < size; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                    pivot = r;
            }
            if (Math.Abs(m[pivot, col]) < 1e-12)
                return null;
            if (pivot != col)
            {
                for (var c = 0; c <= size; c++)
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            }
            for (var r = 0; r < size; r++)
            {
                if (r == col)
                    continue;
                var f = m[r, col] / m[col, col];
                for (var c = col; c <= size; c++)
                    m[r, c] -= f * m[col, c];
            }
        }
        var x = new double[size];
        for (var i = 0; i < size; i++)
            x[i] = m[i, size] / m[i, i];
        return x;
    }

    private static (double Min, double Span) Range(IReadOnlyList<double> xs)
    {
        var min = xs.Min();
        return (min, xs.Max() - min);
    }

    private static double Binomial(int n, int k)
    {
        double r = 1;
        for (var i = 1; i <= k; i++)
            r = r * (n - k + i) / i;
        return r;
    }
}
