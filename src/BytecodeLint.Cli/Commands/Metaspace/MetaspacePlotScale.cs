namespace BytecodeLint.Cli.Commands.Metaspace;

/// <summary>A linear map from data to pixels with "nice" 1-2-5 tick steps, for the Metaspace plot.</summary>
internal sealed class MetaspacePlotScale
{
    public MetaspacePlotScale(double dataMin, double dataMax, double pixelFrom, double pixelTo, int targetTicks, double minStep = 0)
    {
        if (!(dataMax > dataMin))
            dataMax = dataMin + 1;
        // Counts (readings, retransforms) get whole-number ticks.
        Step = Math.Max(NiceStep((dataMax - dataMin) / targetTicks), minStep);
        Min = Math.Floor(dataMin / Step) * Step;
        Max = Math.Ceiling(dataMax / Step - 1e-9) * Step;
        PixelFrom = pixelFrom;
        PixelTo = pixelTo;
    }

    private MetaspacePlotScale(double min, double max, double step, double pixelFrom, double pixelTo)
    {
        (Min, Max, Step, PixelFrom, PixelTo) = (min, max, step, pixelFrom, pixelTo);
    }

    /// <summary>A scale over exactly [min, max] with ticks at the multiples of <paramref name="step"/> inside it.</summary>
    public static MetaspacePlotScale Fixed(double min, double max, double step, double pixelFrom, double pixelTo) => new(min, max, step, pixelFrom, pixelTo);

    public double Min { get; }
    public double Max { get; }
    public double Step { get; }
    public double PixelFrom { get; }
    public double PixelTo { get; }

    public double this[double value] => PixelFrom + (value - Min) / (Max - Min) * (PixelTo - PixelFrom);

    public IEnumerable<double> Ticks()
    {
        var first = Math.Ceiling(Min / Step - 1e-9) * Step;
        for (var t = first; t <= Max + 1e-9 * Step; t += Step)
            yield return t;
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
