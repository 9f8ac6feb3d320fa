using BytecodeLint.Metaspace.ClassNames;
using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// Groups redefinitions by class and classifies their pool growth. Named records (the log printed
/// <c>redefine+class+load</c>) group by name; unnamed ones are chained: HotSpot's merged pool becomes the
/// class's pool, so the next redefinition of the same class starts from <c>old_cp_len</c> = the last
/// <c>merge_cp_len</c> (docs/design/hotspot.md §1 step 4).
/// </summary>
public static class ClassPoolTracker
{
    /// <summary>Per docs/design/hotspot.md §2: bytes per (pool entry × retransform) and per retransform².</summary>
    public const double Bl0001BytesPerPoolEntryRetransform = 28, Bl0001BytesPerRetransformSquared = 34;

    /// <param name="bytesPerWidening">
    /// What one <c>ldc</c> widening of these redefinitions freed, where <c>VM.metaspace</c> reports bracket
    /// them (<see cref="WideningCost"/>), or null: the size of the method copies, which decides BL0003.
    /// </param>
    public static IReadOnlyList<ClassPoolHistory> Track(IReadOnlyList<Redefinition> redefinitions, IClassPoolIndex? names, Func<PoolHazard, string>? ruleIdOf = null,
        Func<IReadOnlyList<int>, double?>? bytesPerWidening = null)
    {
        var groups = new List<List<Redefinition>>();
        var byName = new Dictionary<string, List<Redefinition>>(StringComparer.Ordinal);
        var openChains = new Dictionary<int, List<Redefinition>>();
        foreach (var r in redefinitions)
        {
            if (r.ClassName is { } name)
            {
                if (!byName.TryGetValue(name, out var named))
                {
                    byName[name] = named = [];
                    groups.Add(named);
                }
                named.Add(r);
                continue;
            }
            if (r.OldCpLength is not { } old)
                continue; // a merge line whose first half was lost cannot be placed
            if (!openChains.Remove(old, out var chain))
            {
                chain = [];
                groups.Add(chain);
            }
            chain.Add(r);
            openChains[r.MergeCpLength ?? old] = chain;
        }
        ruleIdOf ??= MetaspaceAnalysisOptions.HazardName;
        return groups.Select(g => Describe(g, names, ruleIdOf, bytesPerWidening))
            .OrderByDescending(h => h.Redefinitions)
            .ThenBy(h => h.RedefinitionIndices[0])
            .ToList();
    }

    private static ClassPoolHistory Describe(List<Redefinition> records, IClassPoolIndex? names, Func<PoolHazard, string> ruleIdOf, Func<IReadOnlyList<int>, double?>? bytesPerWidening)
    {
        var growths = records.Select(r => r.Growth).OfType<int>().ToList();
        var first = records.Select(r => r.OldCpLength).FirstOrDefault(l => l != null);
        var last = records.Select(r => r.MergeCpLength ?? r.OldCpLength).LastOrDefault(l => l != null);
        int? typical = growths.Count > 0 ? growths.Order().ElementAt(growths.Count / 2) : null;
        var share = typical is { } t && growths.Count > 0 ? growths.Count(g => g == t) / (double)growths.Count : 0;
        var pattern = Classify(growths, typical, share);
        var widenings = records.Sum(r => r.Widenings);
        var maxWidenings = records.Count > 0 ? records.Max(r => r.Widenings) : 0;
        var lastMap = records.Select(r => r.IndexMapLength).LastOrDefault(l => l != null);

        string? className = records[0].ClassName;
        string? nameSource = className != null ? "log" : null;
        IReadOnlyList<string> others = [];
        if (className == null && first is { } cp0 && names != null)
        {
            var candidates = names.ClassesWithPoolLength(cp0);
            if (candidates.Count > 0)
            {
                className = candidates[0];
                nameSource = "class files (pool length)";
                others = candidates.Skip(1).ToList();
            }
        }
        var label = className ?? (first is { } f ? $"class with initial pool {f:N0} (name not logged)" : "class (name not logged)");
        var indices = records.Select(r => r.Index).ToList();
        var cost = widenings > 0 ? bytesPerWidening?.Invoke(indices) : null;
        var (hazard, explanation) = Explain(pattern, typical, widenings, maxWidenings, records, lastMap, ruleIdOf, cost);
        double? law = hazard == PoolHazard.CatchThrowableReresolution && first is { } p0
            ? Bl0001BytesPerPoolEntryRetransform * p0 * records.Count + Bl0001BytesPerRetransformSquared * (double)records.Count * records.Count
            : null;
        return new ClassPoolHistory
        {
            Label = others.Count > 0 ? $"{label} (or {others.Count} other class{(others.Count > 1 ? "es" : "")} with the same pool length)" : label,
            ClassName = className,
            NameSource = nameSource,
            OtherCandidates = others,
            Redefinitions = records.Count,
            FirstPoolLength = first,
            LastPoolLength = last,
            TypicalGrowth = typical,
            TypicalShare = share,
            Pattern = pattern,
            Widenings = widenings,
            MaxWideningsPerRedefinition = maxWidenings,
            LastIndexMapLength = lastMap,
            Overflowed = records.Any(r => r.Overflowed),
            Hazard = hazard,
            RuleId = hazard is { } h ? ruleIdOf(h) : null,
            Explanation = explanation,
            LawEstimateBytes = law,
            RedefinitionIndices = indices,
            BytesPerWidening = cost,
        };
    }

    private static PoolGrowthPattern Classify(List<int> growths, int? typical, double share)
    {
        if (growths.Count == 0 || growths.All(g => g == 0))
            return PoolGrowthPattern.None;
        // One redefinition cannot show a per-retransform law.
        if (growths.Count < 2)
            return PoolGrowthPattern.Irregular;
        if (IsDoubling(growths))
            return PoolGrowthPattern.Doubling;
        // Constant: most redefinitions append the same positive count (the first one may differ: it
        // appends +2 per Throwable member reference, later ones +2).
        if (typical > 0 && (share >= 0.8 || growths.Count >= 3 && growths.Skip(1).All(g => g == typical)))
            return PoolGrowthPattern.Constant;
        return PoolGrowthPattern.Irregular;
    }

    /// <summary>At least three successive increments, each about twice the one before.</summary>
    private static bool IsDoubling(List<int> growths)
    {
        var run = 0;
        for (var i = 1; i < growths.Count; i++)
        {
            if (growths[i - 1] > 0 && growths[i] >= 1.7 * growths[i - 1] && growths[i] <= 2.3 * growths[i - 1])
            {
                if (++run >= 2)
                    return true;
            }
            else
            {
                run = 0;
            }
        }
        return false;
    }

    private static string WideningVerdict(double? cost, bool stackMapSized, Func<PoolHazard, string> ruleIdOf) =>
        stackMapSized ? $": stack-map-sized clones, {ruleIdOf(PoolHazard.ExpensiveWidening)}'s cost too"
        : cost is not null ? $": small methods, so stack maps do not drive the cost ({ruleIdOf(PoolHazard.ExpensiveWidening)} does not apply)"
        : $"; each widening clones its method ({ruleIdOf(PoolHazard.ExpensiveWidening)} only if the methods' stack maps are large: the redefinition log does not show their size, VM.metaspace reports before and after the retransform do)";

    private static (PoolHazard? Hazard, string? Explanation) Explain(PoolGrowthPattern pattern, int? typical, int widenings, int maxWidenings,
        List<Redefinition> records, int? lastIndexMap, Func<PoolHazard, string> ruleIdOf, double? cost)
    {
        if (pattern == PoolGrowthPattern.Doubling)
            return (PoolHazard.NaNDoubling, "the appended entries double on every redefinition: NaN float/double constants never compare equal in the merge, so the pool doubles each retransform (docs/design/hotspot.md §5)");
        if (pattern == PoolGrowthPattern.Constant)
            return (PoolHazard.CatchThrowableReresolution, $"+{typical} entries on every redefinition: a catch (Throwable) handler's class entry is pre-resolved by the verifier, so its member references are appended again each retransform (JDK-8308762, JDK 17–21; docs/design/hotspot.md §2)");
        var scratch = records.Select(r => r.ScratchCpLength).LastOrDefault(l => l != null);
        var rebuilt = lastIndexMap is { } map && scratch is { } s && s > 0 && map >= 0.5 * s;
        // An index map covering the pool means the transformer renumbered it: that is the cause (BL0002),
        // and the widenings are its effect. BL0003 is about stack maps large enough to make each method
        // copy expensive: named only when the reports around the widenings show copies that size.
        bool stackMapSized = cost >= WideningCost.StackMapSizedBytes;
        string copies = cost is { } c ? $", each freeing a method copy of ≈ {SizeFormat.Bytes(c)}" : "";
        string wideningText = $"{widenings:N0} ldc widened to ldc_w (up to {maxWidenings:N0} per redefinition){copies}";
        if (rebuilt)
            return (PoolHazard.PoolRebuild, $"the index map remaps {lastIndexMap:N0} of {scratch:N0} entries: the transformer rebuilds the constant pool instead of copying it (docs/design/hotspot.md §3)"
                                            + (widenings > 0 ? "; " + wideningText + WideningVerdict(cost, stackMapSized, ruleIdOf) : ""));
        if (widenings > 0 && stackMapSized)
            return (PoolHazard.ExpensiveWidening, $"{wideningText}: stack-map-sized methods, each widening clones its method with its StackMapTable and tables (docs/design/hotspot.md §4)");
        if (widenings > 0)
            return (null, wideningText + WideningVerdict(cost, stackMapSized, ruleIdOf));
        return (null, null);
    }
}
