using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// Between two <c>VM.metaspace</c> reports with redefinitions between them, tells the agent's own class
/// loading apart from the retransformed classes' growth. An agent that retransforms on request (Byteman
/// compiling a rule, OpenJPA loading serp and ASM) loads hundreds of classes at the same time, and their
/// metadata is most of the growth: blaming it all on the retransform overstates its cost several times.
/// <list type="bullet">
/// <item>Exact: loaded classes beyond one per redefinition are the agent's (the JVM counts one scratch
/// class per redefinition, measured even when nothing leaks), and the report's shared count says how many
/// came from the CDS archive, whose metadata is not in Metaspace.</item>
/// <item>Exact: class space (<c>Class:</c>) holds class structures only, so its growth is the new
/// classes'; a retransform's merged pool and method copies are non-class metadata.</item>
/// <item>Estimated: the agent's non-class bytes, at the first report's average per class not from the
/// archive; the retransformed classes get the rest, and never less than the method copies that their
/// <c>ldc</c> widenings freed between the reports (<see cref="WideningCost"/>).</item>
/// </list>
/// </summary>
public static class GrowthSplitCheck
{
    /// <summary>Fewer classes not from the archive than this in the first report make its average per class meaningless.</summary>
    public const int MinClassesForAverage = 20;

    public static IReadOnlyList<Finding> Check(IReadOnlyList<SnapshotSummary> snapshots, IReadOnlyList<Redefinition> redefinitions, IReadOnlyList<ClassPoolHistory> classes)
    {
        var findings = new List<Finding>();
        foreach (var s in snapshots)
        {
            if (s.Previous is not { } before || before.Classes is not { } from || s.Snapshot.Classes is not { } to) continue;
            if (before.NonClass.UsedBytes is not { } nonClassBefore || s.Snapshot.NonClass.UsedBytes is not { } nonClassAfter) continue;
            int first = before.RedefinitionsBefore, last = s.Snapshot.RedefinitionsBefore, rounds = last - first;
            if (rounds <= 0 || last > redefinitions.Count) continue;
            int agentClasses = to - from - rounds;
            if (agentClasses < 0) continue; // fewer classes than redefinitions: the reports do not bracket them (ClassCountCheck says so)

            int redefined = classes.Count(h => h.RedefinitionIndices.Any(i => i >= first && i < last));
            int widenings = 0;
            for (int i = first; i < last; i++) widenings += redefinitions[i].Widenings;
            int agentShared = before.SharedClasses is { } sb && s.Snapshot.SharedClasses is { } sa ? Math.Clamp(sa - sb, 0, agentClasses) : 0;
            int agentOwn = agentClasses - agentShared;
            long nonClass = nonClassAfter - nonClassBefore;
            long? classSpace = s.Snapshot.Class.UsedBytes - before.Class.UsedBytes;
            long freed = widenings > 0 ? Math.Max(0, (s.Snapshot.NonClass.DeallocatedBytes ?? 0) - (before.NonClass.DeallocatedBytes ?? 0)) : 0;
            int ownBefore = from - (before.SharedClasses ?? 0);
            double? perClass = ownBefore >= MinClassesForAverage ? (double)nonClassBefore / ownBefore : null;

            var numbers = new Dictionary<string, double>
            {
                ["redefinitions"] = rounds,
                ["redefinedClasses"] = redefined,
                ["agentClasses"] = agentClasses,
                ["agentSharedClasses"] = agentShared,
                ["nonClassGrowthBytes"] = nonClass,
                ["wideningFreedBytes"] = freed,
            };
            if (classSpace is { } cs) numbers["classSpaceGrowthBytes"] = cs;

            string what = $"{SizeFormat.Count(rounds)} redefinition{S(rounds)} of {SizeFormat.Count(redefined)} class{(redefined == 1 ? "" : "es")} and "
                          + $"{SizeFormat.Count(agentClasses)} class{(agentClasses == 1 ? "" : "es")} loaded by the agent itself "
                          + $"({SizeFormat.Count(to - from)} more loaded classes, one scratch class per redefinition"
                          + (agentShared > 0 ? $"; {SizeFormat.Count(agentShared)} of the agent's from the CDS archive, outside Metaspace" : "") + ")";
            string bytes;
            if (agentClasses == 0)
            {
                numbers["retransformEstimateBytes"] = nonClass;
                bytes = $"the non-class growth ({SizeFormat.Signed(nonClass)}) is all the retransformed classes'";
            }
            else if (perClass is { } average && nonClass > 0)
            {
                double agent = Math.Max(0, Math.Min(agentOwn * average, nonClass - freed));
                double retransform = nonClass - agent;
                numbers["agentEstimateBytes"] = agent;
                numbers["retransformEstimateBytes"] = retransform;
                numbers["bytesPerAgentClass"] = average;
                bool floored = agentOwn * average > nonClass - freed;
                bytes = $"of the non-class growth ({SizeFormat.Signed(nonClass)}), ≈ {SizeFormat.Bytes(agent)} is the agent's {SizeFormat.Count(agentOwn)} new classes "
                        + $"(at {SizeFormat.Bytes(average)} each, the first report's average for classes not from the archive: an estimate"
                        + (floored ? ", capped so that the retransform keeps its freed method copies" : "") + ") "
                        + $"and ≈ {SizeFormat.Bytes(retransform)} the retransformed class{(redefined == 1 ? "'s" : "es'")} growth"
                        + (freed > 0 ? $", at least the {SizeFormat.Bytes(freed)} of method copies that {SizeFormat.Count(widenings)} ldc widening{S(widenings)} freed (each widening's own)" : "");
            }
            else
            {
                bytes = $"the non-class growth ({SizeFormat.Signed(nonClass)}) mixes both and cannot be split (the first report has too few classes outside the archive to average)";
            }
            string space = classSpace is { } c && agentClasses + rounds > 0
                ? $"; class space {SizeFormat.Signed(c)} is class structures of the new classes only, the retransform's pools and method copies being non-class metadata"
                : "";
            findings.Add(new Finding("growth-split", what + ": " + bytes + space, s.Snapshot.Position.ToString(), numbers));
        }
        return findings;
    }

    private static string S(int n) => n == 1 ? "" : "s";
}
