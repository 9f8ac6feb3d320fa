using System.Globalization;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// The JDK the scanned code will run on (<c>--target-jdk</c>): a feature release such as 8, 17 or 25,
/// parsed from forms like <c>1.8</c>, <c>17</c>, <c>17.0.15</c>, <c>21.0.4+7</c>. Unknown means
/// "any supported JDK": rules then report what applies on any of them.
/// </summary>
public readonly record struct JdkTarget(int? Feature, string Text)
{
    public static JdkTarget Any { get; } = new(null, "any");

    public bool IsKnown => Feature.HasValue;

    /// <summary>True when the feature release is known and inside [from, to], or unknown.</summary>
    public bool MayBeWithin(int from, int to) => Feature is null || (Feature >= from && Feature <= to);

    public static JdkTarget Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("any", StringComparison.OrdinalIgnoreCase)) return Any;
        if (TryParse(text, out var target)) return target;
        throw new FormatException($"'{text}' is not a JDK version (expected e.g. 8, 1.8, 17, 17.0.15, 21.0.4, 25)");
    }

    public static bool TryParse(string text, out JdkTarget target)
    {
        target = Any;
        var core = text.Trim();
        int cut = core.IndexOfAny(['+', '-', '_']);
        if (cut >= 0) core = core[..cut];
        var parts = core.Split('.');
        if (parts.Length == 0 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit))) return false;
        int first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int feature = first == 1 && parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : first;
        if (feature is < 1 or > 99) return false;
        target = new JdkTarget(feature, text.Trim());
        return true;
    }

    public override string ToString() => Feature is null ? "any" : Text;
}
