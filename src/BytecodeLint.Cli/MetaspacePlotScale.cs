namespace BytecodeLint.Cli;

/// <summary>A linear map from data to pixels with "nice" 1-2-5 tick steps, for the Metaspace plot.</summary>
internal sealed class MetaspacePlotScale
{
    public MetaspacePlotScale(double dataMin, double dataMax, double pixelFrom, double pixelTo, int targetTicks)
    {
        if (!(dataMax > dataMin))
            dataMax = dataMin + 1;
        Step = NiceStep((dataMax - dataMin) / targetTicks);
        Min = Math.Floor(dataMin / Step) * Step;
        Max = Math.Ceiling(dataMax / Step - 1e-9) * Step;
        PixelFrom = pixelFrom;
        PixelTo = pixelTo;
    }

    public double Min { get; }
    public double Max { get; }
    public double Step { get; }
    public double PixelFrom { get; }
    public double PixelTo { get; }

    public double this[double value] => PixelFrom + (value - Min) / (Max - Min) * (PixelTo - PixelFrom);

    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
            yield return Min + i * Step;
    }

    /// <summary>1, 2 or 5 times a power of ten, the smallest at or above <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw))
            return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
