namespace BytecodeLint.Metaspace.Analysis;

/// <summary>Decides the verdict and writes the headline and evidence in words a person can act on.</summary>
internal static class VerdictWriter
{
    private const int MaxClassLines = 5;

    public static (LeakVerdict Verdict, string Headline, IReadOnlyList<string> Evidence) Write(VerdictContext c)
    {
        var evidence = new List<string>();
        var growth = c.FirstRetained is { } f && c.LastRetained is { } l ? l - f : (long?)null;
        var span = c.Retained.Count >= 2 ? c.Retained[^1].X - c.Retained[0].X : 0;

        if (growth is { } g)
        {
            evidence.Add($"Retained Metaspace{(c.Retained.Any(p => p.Sample.Kind == Model.SampleKind.AfterGc) ? " after collections" : "")}: "
                         + $"{SizeFormat.Bytes(c.FirstRetained!.Value)} → {SizeFormat.Bytes(c.LastRetained!.Value)} ({SizeFormat.Signed(g)}) over {DescribeSpan(c, span)}");
        }
        var threshold = c.Markers.Where(m => m.Cause == "Metadata GC Threshold").ToList();
        if (c.Markers.Count > 0)
        {
            var measured = threshold.Count(m => m.ReclaimedBytes != null);
            var nothing = threshold.Count(m => m.ReclaimedNothing);
            var others = c.Markers.Count - threshold.Count;
            evidence.Add($"{threshold.Count} \"Metadata GC Threshold\" collection{S(threshold.Count)}"
                         + (measured > 0 ? $", {nothing} of {measured} with Metaspace figures reclaimed nothing (< 1 %)" : "")
                         + (others > 0 ? $"; {others} other Metaspace-triggered ({string.Join(", ", c.Markers.Where(m => m.Cause != "Metadata GC Threshold").Select(m => m.Cause).Distinct())})" : ""));
        }
        if (c.Fit is { } fit)
        {
            var alternatives = string.Join(", ", c.Alternatives.Where(a => a.Shape != fit.Shape && !(fit.Shape == GrowthShape.Flat && a.Shape == GrowthShape.Linear))
                .Select(a => $"{Name(a.Shape)} R² {a.RSquared:0.000}"));
            evidence.Add(fit.Shape == GrowthShape.Flat
                ? $"Growth: level (linear slope {SizeFormat.Bytes(fit.Coefficients[1])} per {Unit(c)})"
                : $"Growth: {Name(fit.Shape)} in {c.XLabel}: used ≈ {FitFormula.Describe(fit, FitFormula.Symbol(c.Axis.Kind))} (R² {fit.RSquared:0.000}{(alternatives.Length > 0 ? "; " + alternatives : "")})");
        }
        var lim = c.Limit;
        if (lim.OomSpace != null)
            evidence.Add($"OutOfMemoryError: {lim.OomSpace} at {DescribeX(c, lim.OomX)}{(lim.OomUptimeSeconds is { } t && c.Axis.Kind != XAxisKind.UptimeSeconds ? $", uptime {SizeFormat.Seconds(t)}" : "")} ({lim.OomWhere})");
        if (lim.LimitBytes is { } limit)
        {
            var text = $"Limit: MaxMetaspaceSize {SizeFormat.Bytes(limit)} ({lim.LimitSource})";
            if (lim.ProjectedX is { } px)
                text += $"; the fitted curve reaches it at {DescribeX(c, px, approximate: true)}"
                        + (lim.ProjectedUptimeSeconds is { } pt && c.Axis.Kind == XAxisKind.Retransforms ? $" (uptime ≈ {SizeFormat.Seconds(pt)})" : "");
            else if (c.Fit is { Shape: GrowthShape.Flat })
                text += "; not reached at the current rate";
            evidence.Add(text);
        }
        var explained = c.Classes.Where(h => h.Pattern is PoolGrowthPattern.Constant or PoolGrowthPattern.Doubling || h.RuleId != null || h.Widenings > 0).ToList();
        foreach (var h in explained.Take(MaxClassLines))
            evidence.Add(DescribeClass(h));
        if (explained.Count > MaxClassLines)
            evidence.Add($"… and {explained.Count - MaxClassLines} more classes with growing pools (see --format json)");
        foreach (var s in c.Snapshots)
            evidence.Add(DescribeSnapshot(s));
        if (c.MixedRuns)
            evidence.Add("Time stamps go backwards: the input mixes several runs, so trends across it are not meaningful");
        foreach (var finding in c.Fragmentation)
            evidence.Add("Fragmentation: " + finding.Message);
        foreach (var finding in c.ClassCounts)
            evidence.Add("Classes: " + finding.Message);
        foreach (var finding in c.GrowthSplits)
            evidence.Add("Growth split: " + finding.Message);

        var verdict = Decide(c, growth);
        var headline = Headline(c, verdict, growth) + (c.MixedRuns ? "; the input mixes several runs" : "");
        return (verdict, headline, evidence);
    }

    private static LeakVerdict Decide(VerdictContext c, long? growth)
    {
        var growingClass = c.Classes.Any(h => h.Pattern is PoolGrowthPattern.Constant or PoolGrowthPattern.Doubling && h.Redefinitions >= MetaspaceAnalyzer.LeakRedefinitions);
        var rising = growth is { } g && g >= Math.Min(MetaspaceAnalyzer.LeakBytes, Math.Max(GrowthModelSelector.FlatBytes, c.FirstRetained!.Value / 2))
                     && c.Fit is not { Shape: GrowthShape.Flat };
        if (c.Limit.OomSpace != null || rising || growingClass || c.AllocationsFailedAtLimit > 0)
            return LeakVerdict.Leak;
        if (c.Retained.Count >= 3 && growth != null)
            return LeakVerdict.NoLeak;
        return LeakVerdict.Inconclusive;
    }

    private static string Headline(VerdictContext c, LeakVerdict verdict, long? growth)
    {
        switch (verdict)
        {
            case LeakVerdict.Leak:
            {
                var parts = new List<string>();
                if (c.Fit is { Shape: not GrowthShape.Flat } fit && growth is { } g)
                    parts.Add($"Metaspace grows {Adverb(fit.Shape)} with {c.XLabel} ({SizeFormat.Signed(g)})");
                else if (growth is { } g2 && g2 > 0)
                    parts.Add($"used Metaspace grew {SizeFormat.Signed(g2)}");
                if (c.AllocationsFailedAtLimit > 0 && c.Limit.OomSpace == null)
                    parts.Add($"MaxMetaspaceSize{(c.Limit.LimitBytes is { } lb ? " " + SizeFormat.Bytes(lb) : "")} reached ({c.AllocationsFailedAtLimit} allocation{S((int)c.AllocationsFailedAtLimit)} refused)");
                if (c.Fragmentation.FirstOrDefault(f => f.Kind == "deallocated-blocks") is { } dealloc)
                    parts.Add($"{SizeFormat.Percent(dealloc.Numbers["share"])} of it in deallocated blocks");
                if (c.Limit.OomSpace != null)
                    parts.Add($"OutOfMemoryError: {c.Limit.OomSpace} at {DescribeX(c, c.Limit.OomX)}");
                else if (c.Limit.ProjectedX is { } px)
                    parts.Add($"MaxMetaspaceSize reached at {DescribeX(c, px, approximate: true)}");
                var culprit = c.Classes.FirstOrDefault(h => h.RuleId != null && h.Pattern != PoolGrowthPattern.None);
                if (culprit != null)
                    parts.Add($"{culprit.ShortName}: {GrowthPhrase(culprit)} → {culprit.RuleId}");
                return "LEAK: " + (parts.Count > 0 ? string.Join("; ", parts) : "Metaspace is not being reclaimed");
            }
            case LeakVerdict.NoLeak:
                return $"NO LEAK: retained Metaspace stays level ({SizeFormat.Bytes(c.FirstRetained!.Value)} → {SizeFormat.Bytes(c.LastRetained!.Value)} over {DescribeSpan(c, c.Retained[^1].X - c.Retained[0].X)})"
                       + (c.Fragmentation.Count > 0 ? "; but see fragmentation" : "");
            default:
                return "INCONCLUSIVE: too few Metaspace readings to tell" + SplitPhrase(c) + (c.Fragmentation.Count > 0 ? "; fragmentation found" : "");
        }
    }

    /// <summary>A retransform on request is often one round between two reports: say how their growth splits, and which rule the class's merge points at.</summary>
    private static string SplitPhrase(VerdictContext c)
    {
        if (c.GrowthSplits.LastOrDefault(f => f.Numbers.ContainsKey("retransformEstimateBytes")) is not { } split) return "";
        var agent = split.Numbers.GetValueOrDefault("agentEstimateBytes");
        var culprit = c.Classes.FirstOrDefault(h => h.RuleId != null);
        return $"; between the VM.metaspace reports ≈ {SizeFormat.Bytes(split.Numbers["retransformEstimateBytes"])} is the retransformed class{(split.Numbers["redefinedClasses"] == 1 ? "'s" : "es'")} growth"
               + (culprit != null ? $" ({culprit.RuleId})" : "")
               + (agent > 0 ? $" and ≈ {SizeFormat.Bytes(agent)} the agent's own class loading" : "");
    }

    private static string DescribeClass(ClassPoolHistory h)
    {
        var text = $"{h.Label}: {SizeFormat.Count(h.Redefinitions)} redefinition{S(h.Redefinitions)}, pool {Opt(h.FirstPoolLength)} → {Opt(h.LastPoolLength)}";
        if (h.Pattern != PoolGrowthPattern.None)
            text += $", {GrowthPhrase(h)}";
        if (h.RuleId != null)
            text += $" → {h.RuleId}: {h.Explanation}";
        else if (h.Explanation != null)
            text += $": {h.Explanation}";
        if (h.LawEstimateBytes is { } law)
            text += $"; the §2 law predicts {SizeFormat.Signed(law)} after {SizeFormat.Count(h.Redefinitions)}";
        if (h.Overflowed)
            text += "; the merged pool overflowed 65,535 entries and the JVM dropped the redefinition";
        return text;
    }

    private static string DescribeSnapshot(SnapshotSummary s)
    {
        var snap = s.Snapshot;
        var text = $"VM.metaspace ({snap.Position}): used {Size(snap.UsedBytes)}, committed {Size(snap.CommittedBytes)}";
        if (snap.TotalDeallocatedBytes is { } d)
            text += $", deallocated {SizeFormat.Bytes(d)} in {SizeFormat.Count(snap.TotalDeallocatedBlocks ?? 0)} blocks";
        if (snap.Classes is { } classes)
            text += $", {SizeFormat.Count(classes)} classes in {SizeFormat.Count(snap.Loaders ?? 0)} loaders";
        if (s.Previous != null && s.UsedDeltaBytes is { } du)
            text += $"; since the previous report: used {SizeFormat.Signed(du)}"
                    + (s.CommittedDeltaBytes is { } dc ? $", committed {SizeFormat.Signed(dc)}" : "")
                    + (s.DeallocatedDeltaBytes is { } dd ? $", deallocated {SizeFormat.Signed(dd)}" : "");
        if (snap.AllocationsFailedAtLimit is > 0)
            text += $"; {snap.AllocationsFailedAtLimit} allocation{S((int)snap.AllocationsFailedAtLimit)} failed at MaxMetaspaceSize {Size(snap.MaxMetaspaceBytes)}";
        return text;
    }

    private static string Size(long? bytes) => bytes is { } b ? SizeFormat.Bytes(b) : "?";

    private static string GrowthPhrase(ClassPoolHistory h) => h.Pattern switch
    {
        PoolGrowthPattern.Constant => $"+{h.TypicalGrowth} pool entries per redefinition",
        PoolGrowthPattern.Doubling => "pool doubling on every redefinition",
        PoolGrowthPattern.Irregular => $"pool grew {SizeFormat.Count((h.LastPoolLength ?? 0) - (h.FirstPoolLength ?? 0))} entries",
        _ => "no pool growth",
    };

    private static string Opt(int? n) => n is { } v ? SizeFormat.Count(v) : "?";

    private static string S(int n) => n == 1 ? "" : "s";

    private static string Name(GrowthShape s) => s.ToString().ToLowerInvariant();

    private static string Adverb(GrowthShape s) => s switch
    {
        GrowthShape.Linear => "linearly",
        GrowthShape.Quadratic => "quadratically",
        GrowthShape.Exponential => "exponentially",
        _ => "",
    };

    private static string Unit(VerdictContext c) => c.Axis.Kind switch
    {
        XAxisKind.Retransforms => "retransform",
        XAxisKind.SampleNumber => "reading",
        _ => "second",
    };

    private static string DescribeSpan(VerdictContext c, double span) => c.Axis.Kind switch
    {
        XAxisKind.Retransforms => $"{SizeFormat.Count(span)} {c.XLabel}",
        XAxisKind.SampleNumber => $"{c.Retained.Count} readings",
        _ => SizeFormat.Seconds(span),
    };

    public static string DescribeX(VerdictContext c, double? x, bool approximate = false)
    {
        if (x is not { } v)
            return "an unknown point";
        var a = approximate ? "≈ " : "";
        return c.Axis.Kind switch
        {
            XAxisKind.Retransforms => $"retransform {a}{SizeFormat.Count(Math.Ceiling(v))}",
            XAxisKind.UptimeSeconds => $"uptime {a}{SizeFormat.Seconds(v)}",
            XAxisKind.WallClockSeconds => $"{a}{SizeFormat.Seconds(v)} after the first reading",
            _ => $"reading {a}{SizeFormat.Count(v)}",
        };
    }
}
