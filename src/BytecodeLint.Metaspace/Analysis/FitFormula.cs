using System.Globalization;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>Writes a fitted curve as a formula in sizes a person reads: "4.1 MB - 1.7 KB·N + 37 B·N²".</summary>
public static class FitFormula
{
    /// <summary>The symbol for an x axis: N retransforms, t seconds, i readings.</summary>
    public static string Symbol(XAxisKind axis) => axis switch
    {
        XAxisKind.Retransforms => "N",
        XAxisKind.SampleNumber => "i",
        _ => "t",
    };

    /// <summary>"4.1 MB + 1.1 KB·N + 34.2 B·N²" with the sign of each term.</summary>
    public static string Describe(FittedCurve fit, string x)
    {
        var k = fit.Coefficients;
        static string Term(double v, string suffix) => (v < 0 ? " - " : " + ") + SizeFormat.Bytes(Math.Abs(v)) + suffix;
        return fit.Shape switch
        {
            GrowthShape.Quadratic => SizeFormat.Bytes(k[0]) + Term(k[1], "·" + x) + Term(k[2], "·" + x + "²"),
            GrowthShape.Exponential => SizeFormat.Bytes(k[0]) + Term(k[1], $"·e^({k[2].ToString("0.####", CultureInfo.InvariantCulture)}·{x})")
                                       + $" (doubles every {(Math.Log(2) / k[2]).ToString(Math.Log(2) / k[2] < 10 ? "0.##" : "#,0", CultureInfo.InvariantCulture)} {x})",
            _ => SizeFormat.Bytes(k[0]) + Term(k[1], "·" + x),
        };
    }
}
