using System.Globalization;

namespace BytecodeLint.Analysis.Engine;

/// <summary>Formats byte counts for messages: binary units, three significant digits.</summary>
public static class Bytes
{
    public static string Format(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        int unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }
        string number = unit == 0 ? bytes.ToString("0", CultureInfo.InvariantCulture)
            : bytes >= 100 ? bytes.ToString("0", CultureInfo.InvariantCulture)
            : bytes >= 10 ? bytes.ToString("0.0", CultureInfo.InvariantCulture)
            : bytes.ToString("0.00", CultureInfo.InvariantCulture);
        return number + " " + units[unit];
    }
}
