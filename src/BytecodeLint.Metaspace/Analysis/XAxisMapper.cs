using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// Places readings, collections and OOMs on one x axis: the retransform count of the most-redefined
/// class when the log has redefinitions, else uptime, else wall-clock time, else position in the log.
/// </summary>
public sealed class XAxisMapper
{
    private readonly int[] _focusCountBefore;
    private readonly double? _firstTime;
    private readonly List<MetaspaceSample> _samples;
    private readonly Dictionary<string, (int First, int Last)> _ranges = [];

    private XAxisMapper(XAxisKind kind, int[] focusCountBefore, double? firstTime, List<MetaspaceSample> samples)
    {
        Kind = kind;
        _focusCountBefore = focusCountBefore;
        _firstTime = firstTime;
        _samples = samples;
        // Samples are in file order, so each file's readings are one contiguous range.
        for (var i = 0; i < samples.Count; i++)
        {
            var source = samples[i].Position.Source;
            _ranges[source] = _ranges.TryGetValue(source, out var r) ? (r.First, i) : (i, i);
        }
    }

    public XAxisKind Kind { get; }

    public static XAxisMapper Choose(IReadOnlyList<MetaspaceSample> samples, int redefinitions, ClassPoolHistory? focus)
    {
        var counts = new int[redefinitions + 1];
        if (focus != null)
        {
            var mine = new bool[redefinitions];
            foreach (var i in focus.RedefinitionIndices)
                mine[i] = true;
            for (var k = 0; k < redefinitions; k++)
                counts[k + 1] = counts[k] + (mine[k] ? 1 : 0);
        }
        var list = samples.ToList();
        if (focus is { Redefinitions: >= 3 } && samples.Select(s => counts[Math.Min(s.RedefinitionsBefore, redefinitions)]).Distinct().Count() >= 2)
            return new XAxisMapper(XAxisKind.Retransforms, counts, null, list);
        if (samples.Count >= 2 && samples.All(s => s.UptimeSeconds != null) && samples.Select(s => s.UptimeSeconds).Distinct().Count() >= 2)
            return new XAxisMapper(XAxisKind.UptimeSeconds, counts, null, list);
        if (samples.Count >= 2 && samples.All(s => s.Time != null)
            && samples.Zip(samples.Skip(1)).All(p => p.First.Time <= p.Second.Time)
            && samples[^1].Time > samples[0].Time)
            return new XAxisMapper(XAxisKind.WallClockSeconds, counts, samples[0].Time!.Value.ToUnixTimeMilliseconds() / 1e3, list);
        return new XAxisMapper(XAxisKind.SampleNumber, counts, null, list);
    }

    /// <summary>Retransforms of the focus class among the first <paramref name="redefinitionsBefore"/> redefinitions.</summary>
    public int FocusCount(int redefinitionsBefore) => _focusCountBefore[Math.Clamp(redefinitionsBefore, 0, _focusCountBefore.Length - 1)];

    public double? X(MetaspaceSample sample) => At(sample.RedefinitionsBefore, sample.UptimeSeconds, sample.Time, sample.Position);

    public double? At(int redefinitionsBefore, double? uptime, DateTimeOffset? time, LogPosition position) => Kind switch
    {
        XAxisKind.Retransforms => FocusCount(redefinitionsBefore),
        XAxisKind.UptimeSeconds => uptime,
        XAxisKind.WallClockSeconds => time is { } t ? t.ToUnixTimeMilliseconds() / 1e3 - _firstTime : null,
        _ => SampleNumberAt(position),
    };

    /// <summary>1-based number of the first reading of the same file at or after <paramref name="position"/> (binary search: logs without clocks can be long).</summary>
    private double? SampleNumberAt(LogPosition position)
    {
        if (!_ranges.TryGetValue(position.Source, out var range))
            return _samples.Count;
        var (first, last) = range;
        int lo = first, hi = last + 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_samples[mid].Position.Line < position.Line)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo <= last ? lo + 1 : _samples.Count;
    }

    public string Label(ClassPoolHistory? focus) => Kind switch
    {
        XAxisKind.Retransforms => $"retransforms of {focus?.ShortName ?? "the most-redefined class"}",
        XAxisKind.UptimeSeconds => "JVM uptime (s)",
        XAxisKind.WallClockSeconds => "time since first reading (s)",
        _ => "reading number",
    };
}
