using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>Turns what the readers found into a <see cref="MetaspaceDiagnosis"/>.</summary>
public static class MetaspaceAnalyzer
{
    /// <summary>Retained growth that counts as a leak: this many bytes, or half the starting size.</summary>
    public const long LeakBytes = 16L << 20;

    /// <summary>Redefinitions with a per-retransform pool law that make a leak certain even without GC readings.</summary>
    public const int LeakRedefinitions = 10;

    /// <summary>How far above a VM.metaspace report's usage table its one-line summary may stand.</summary>
    private const int SummaryLinesBeforeReport = 5;

    public static MetaspaceDiagnosis Analyze(MetaspaceLog log, MetaspaceAnalysisOptions? options = null)
    {
        options ??= new MetaspaceAnalysisOptions();
        var snapshots = SummarizeSnapshots(log.Snapshots);
        var wideningCost = WideningCost.Measure(snapshots, log.Redefinitions, log.Collections);
        var classes = ClassPoolTracker.Track(log.Redefinitions, options.ClassNames, options.RuleIdOf, indices => WideningCost.PerWidening(wideningCost, indices));
        var focus = classes.FirstOrDefault(c => c.Redefinitions >= 3);

        var samples = AllSamples(log);
        var axis = XAxisMapper.Choose(samples, log.Redefinitions.Count, focus);
        var xFocus = axis.Kind == XAxisKind.Retransforms ? focus : null;
        var series = samples.Select(s => axis.X(s) is { } x ? new SeriesPoint(x, s) : null).OfType<SeriesPoint>().ToList();
        var afterGc = series.Where(p => p.Sample.Kind == SampleKind.AfterGc).ToList();
        var retained = afterGc.Count >= 3 ? afterGc : series;

        var markers = log.Collections
            .Where(c => c.IsMetadataTriggered)
            .Select(c => axis.At(c.RedefinitionsBefore, c.UptimeSeconds, c.Time, c.Position) is { } x
                ? new GcMarker(x, c.GcId, c.Cause, c.UptimeSeconds, c.MetaspaceBeforeBytes, c.MetaspaceAfterBytes)
                : null)
            .OfType<GcMarker>()
            .ToList();

        FittedCurve? fit = null;
        IReadOnlyList<FittedCurve> alternatives = [];
        if (retained.Count >= 4 && axis.Kind != XAxisKind.SampleNumber)
        {
            var ordered = retained.OrderBy(p => p.X).ToList();
            (fit, alternatives) = GrowthModelSelector.Select(
                ordered.Select(p => p.X).ToList(), ordered.Select(p => (double)p.Sample.UsedBytes).ToList(), xFocus?.Pattern);
        }

        var limit = ProjectLimit(log, options, axis, fit, series, focus);
        var fragmentation = FragmentationCheck.Check(samples, snapshots);
        var classCounts = ClassCountCheck.Check(snapshots, options.RuleIdOf);
        var growthSplits = GrowthSplitCheck.Check(snapshots, log.Redefinitions, classes);

        long? first = retained.Count > 0 ? retained[0].Sample.UsedBytes : null;
        long? last = retained.Count > 0 ? retained[^1].Sample.UsedBytes : null;
        double? rate = retained.Count >= 2 && retained[^1].X > retained[0].X
            ? (retained[^1].Sample.UsedBytes - retained[0].Sample.UsedBytes) / (retained[^1].X - retained[0].X)
            : null;
        var peakCommitted = series.Select(p => p.Sample.CommittedBytes).Max();

        var context = new VerdictContext(log, axis, axis.Label(xFocus), xFocus, retained, markers, fit, alternatives, limit, classes, fragmentation, classCounts, first, last,
            snapshots, TimeGoesBackwards(samples)) { GrowthSplits = growthSplits };
        var (verdict, headline, evidence) = VerdictWriter.Write(context);

        return new MetaspaceDiagnosis
        {
            Verdict = verdict,
            Headline = headline,
            Evidence = evidence,
            Sources = log.Sources.ToList(),
            JvmVersion = log.JvmVersion,
            XAxis = axis.Kind,
            XLabel = axis.Label(xFocus),
            FocusClass = xFocus,
            Series = series,
            Retained = retained,
            MetadataCollections = markers,
            Collections = log.Collections.Count,
            FirstRetainedBytes = first,
            LastRetainedBytes = last,
            PeakCommittedBytes = peakCommitted,
            AverageGrowthPerX = rate,
            Fit = fit,
            Alternatives = alternatives,
            Limit = limit,
            Fragmentation = fragmentation,
            ClassCounts = classCounts,
            GrowthSplits = growthSplits,
            Classes = classes,
            Snapshots = snapshots,
            Redefinitions = log.Redefinitions.Count,
            Lines = log.Lines,
        };
    }

    /// <summary>GC and heap readings plus one reading per VM.metaspace report, in log order.</summary>
    private static List<MetaspaceSample> AllSamples(MetaspaceLog log)
    {
        // JDK 25's VM.metaspace opens with a "Metaspace used …K, committed …K" summary that reads like a
        // heap printout: the same moment as the report, so it is not a reading of its own.
        var all = log.Samples.Where(p => p.Kind != SampleKind.HeapPrintout || !log.Snapshots.Any(s =>
            s.Position.Source == p.Position.Source && s.Position.Line > p.Position.Line && s.Position.Line - p.Position.Line <= SummaryLinesBeforeReport)).ToList();
        foreach (var s in log.Snapshots)
        {
            if (s.UsedBytes is not { } used)
                continue;
            all.Add(new MetaspaceSample
            {
                Position = s.Position,
                Kind = s.FromOomReport ? SampleKind.OomReport : SampleKind.Snapshot,
                UptimeSeconds = s.UptimeSeconds,
                UsedBytes = used,
                CapacityBytes = s.Both.CapacityBytes,
                CommittedBytes = s.CommittedBytes,
                ReservedBytes = s.ReservedBytes,
                ClassUsedBytes = s.Class.UsedBytes,
                ClassCommittedBytes = s.Class.CommittedBytes,
                DeallocatedBytes = s.TotalDeallocatedBytes,
                RedefinitionsBefore = s.RedefinitionsBefore,
            });
        }
        var order = log.Sources.Select((name, i) => (name, i)).GroupBy(p => p.name).ToDictionary(g => g.Key, g => g.First().i);
        return all.OrderBy(s => order.GetValueOrDefault(s.Position.Source)).ThenBy(s => s.Position.Line).ToList();
    }

    /// <summary>Time stamps or uptimes that go backwards within one file mean it mixes several runs (the JDK 8 examples do).</summary>
    private static bool TimeGoesBackwards(IReadOnlyList<MetaspaceSample> samples)
    {
        foreach (var file in samples.GroupBy(s => s.Position.Source))
        {
            DateTimeOffset? lastTime = null;
            double? lastUptime = null;
            foreach (var s in file)
            {
                if (s.Time is { } t)
                {
                    if (lastTime is { } l && t < l)
                        return true;
                    lastTime = t;
                }
                if (s.UptimeSeconds is { } u)
                {
                    if (lastUptime is { } lu && u < lu)
                        return true;
                    lastUptime = u;
                }
            }
        }
        return false;
    }

    private static List<SnapshotSummary> SummarizeSnapshots(IReadOnlyList<VmMetaspaceSnapshot> snapshots)
    {
        var result = new List<SnapshotSummary>();
        VmMetaspaceSnapshot? previous = null;
        foreach (var s in snapshots.Where(s => !s.FromOomReport))
        {
            result.Add(new SnapshotSummary(s, previous));
            previous = s;
        }
        return result;
    }

    private static LimitProjection ProjectLimit(MetaspaceLog log, MetaspaceAnalysisOptions options, XAxisMapper axis, FittedCurve? fit,
        IReadOnlyList<SeriesPoint> series, ClassPoolHistory? focus)
    {
        var oom = log.OutOfMemoryErrors.FirstOrDefault();
        long? limit = options.MaxMetaspaceBytes ?? log.MaxMetaspaceBytes;
        string? source = options.MaxMetaspaceBytes != null ? "option" : log.MaxMetaspaceBytes != null ? "log" : null;
        if (limit == null && oom != null && series.Select(p => p.Sample.CommittedBytes).Max() is { } committed)
        {
            limit = committed;
            source = "OOM point";
        }
        double? projected = null, projectedUptime = null;
        if (limit is { } l && fit is { Shape: not GrowthShape.Flat } && series.Count > 0)
        {
            projected = fit.Solve(l, series.Min(p => p.X));
            if (projected is { } px)
                projectedUptime = axis.Kind == XAxisKind.UptimeSeconds ? px : axis.Kind == XAxisKind.Retransforms ? UptimeAtRetransform(log, focus, px) : null;
        }
        double? oomX = oom != null ? axis.At(oom.RedefinitionsBefore, oom.UptimeSeconds, oom.Time, oom.Position) : null;
        return new LimitProjection
        {
            LimitBytes = limit,
            LimitSource = source,
            ProjectedX = projected,
            ProjectedUptimeSeconds = projectedUptime,
            OomX = oomX,
            OomUptimeSeconds = oom?.UptimeSeconds,
            OomSpace = oom?.Space,
            OomWhere = oom?.Position.ToString(),
        };
    }

    /// <summary>Uptime of the n-th retransform of the focus class, extrapolated at the mean rate of the last half.</summary>
    private static double? UptimeAtRetransform(MetaspaceLog log, ClassPoolHistory? focus, double n)
    {
        if (focus == null)
            return null;
        var times = focus.RedefinitionIndices.Select(i => log.Redefinitions[i].UptimeSeconds).ToList();
        if (times.Any(t => t == null) || times.Count < 4)
            return null;
        var k = (int)Math.Ceiling(n);
        if (k >= 1 && k <= times.Count)
            return times[k - 1];
        var half = times.Count / 2;
        var perRetransform = (times[^1]!.Value - times[half]!.Value) / (times.Count - 1 - half);
        return times[^1]!.Value + (n - times.Count) * perRetransform;
    }
}
