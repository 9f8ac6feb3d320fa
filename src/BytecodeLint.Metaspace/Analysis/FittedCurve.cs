namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// A least-squares fit of Metaspace bytes against x (retransforms or seconds). Coefficients:
/// Linear [a, b], Quadratic [a, b, c], Exponential [c, a, k] for c + a·e^(k·x).
/// </summary>
public sealed record FittedCurve(GrowthShape Shape, IReadOnlyList<double> Coefficients, double RSquared, double RmsErrorBytes, double Bic)
{
    public double Evaluate(double x) => Shape switch
    {
        GrowthShape.Linear or GrowthShape.Flat => Coefficients[0] + Coefficients[1] * x,
        GrowthShape.Quadratic => Coefficients[0] + (Coefficients[1] + Coefficients[2] * x) * x,
        GrowthShape.Exponential => Coefficients[0] + Coefficients[1] * Math.Exp(Coefficients[2] * x),
        _ => double.NaN,
    };

    /// <summary>The smallest x ≥ <paramref name="fromX"/> where the curve reaches <paramref name="y"/>, or null if it never does.</summary>
    public double? Solve(double y, double fromX)
    {
        if (Evaluate(fromX) >= y)
            return fromX;
        double? root = Shape switch
        {
            GrowthShape.Linear or GrowthShape.Flat => Coefficients[1] > 0 ? (y - Coefficients[0]) / Coefficients[1] : null,
            GrowthShape.Quadratic => SolveQuadratic(Coefficients[2], Coefficients[1], Coefficients[0] - y, fromX),
            GrowthShape.Exponential => Coefficients[1] > 0 && Coefficients[2] > 0 && y > Coefficients[0]
                ? Math.Log((y - Coefficients[0]) / Coefficients[1]) / Coefficients[2]
                : null,
            _ => null,
        };
        return root is { } r && r >= fromX && double.IsFinite(r) ? r : null;
    }

    private static double? SolveQuadratic(double a, double b, double c, double fromX)
    {
        if (Math.Abs(a) < 1e-300)
            return b > 0 ? -c / b : null;
        var disc = b * b - 4 * a * c;
        if (disc < 0)
            return null;
        var s = Math.Sqrt(disc);
        var roots = new[] { (-b - s) / (2 * a), (-b + s) / (2 * a) }.Where(r => r >= fromX).Order().ToArray();
        return roots.Length > 0 ? roots[0] : null;
    }
}
