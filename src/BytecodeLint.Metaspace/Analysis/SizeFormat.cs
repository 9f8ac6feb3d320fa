using System.Globalization;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>Sizes the way HotSpot prints them: binary units written KB/MB/GB.</summary>
public static class SizeFormat
{
    public static string Bytes(double bytes)
    {
        var abs = Math.Abs(bytes);
        return abs switch
        {
            >= 1L << 30 => (bytes / (1L << 30)).ToString("0.00", CultureInfo.InvariantCulture) + " GB",
            >= 1L << 20 => (bytes / (1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
            >= 1L << 10 => (bytes / (1L << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
            >= 10 => bytes.ToString("0", CultureInfo.InvariantCulture) + " B",
            _ => bytes.ToString("0.##", CultureInfo.InvariantCulture) + " B",
        };
    }

    public static string Signed(double bytes) => (bytes >= 0 ? "+" : "-") + Bytes(Math.Abs(bytes));

    public static string Count(double n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Seconds(double s) => s.ToString(s < 10 ? "0.000" : "#,0.0", CultureInfo.InvariantCulture) + " s";

    public static string Percent(double fraction) => (fraction * 100).ToString(fraction < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + " %";
}
