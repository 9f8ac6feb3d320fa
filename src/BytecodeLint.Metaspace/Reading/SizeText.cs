using System.Globalization;
using System.Text.RegularExpressions;

namespace BytecodeLint.Metaspace.Reading;

/// <summary>HotSpot's printed sizes: <c>3986K</c>, <c>244.56 MB</c>, <c>0 bytes</c>, <c>-XX:MaxMetaspaceSize=128m</c>.</summary>
public static partial class SizeText
{
    /// <summary>The regex fragment for a size with its unit; groups <c>n</c> and <c>u</c> when used alone.</summary>
    public const string Pattern = @"\d+(?:\.\d+)?\s*(?:bytes|byte|KB|MB|GB|TB|K|M|G|T|B)\b";

    public static long Parse(string number, string unit)
    {
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        return (long)Math.Round(value * Multiplier(unit));
    }

    /// <summary>Parses "244.56 MB", "3986K", "8 bytes"; null if it is not a size.</summary>
    public static long? TryParse(string text)
    {
        var m = Whole().Match(text.Trim());
        return m.Success ? Parse(m.Groups[1].Value, m.Groups[2].Value) : null;
    }

    public static double Multiplier(string unit) => unit.Trim().ToUpperInvariant() switch
    {
        "K" or "KB" => 1024d,
        "M" or "MB" => 1024d * 1024,
        "G" or "GB" => 1024d * 1024 * 1024,
        "T" or "TB" => 1024d * 1024 * 1024 * 1024,
        _ => 1d,
    };

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(bytes|byte|KB|MB|GB|TB|K|M|G|T|B)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Whole();
}
