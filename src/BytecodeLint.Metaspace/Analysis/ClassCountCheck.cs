using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>
/// What the loaded-class count of two <c>VM.metaspace</c> reports says about the redefinitions between
/// them. Measured on JDK 17.0.15 and 25.0.3 (samples/java/measure/results/indy.md): every redefinition
/// adds one to the count even when nothing leaks (the scratch class the JVM builds for it), and every
/// lambda or type-switch site that runs again after a retransform adds one hidden class per round,
/// ≈ 1.5 KB of Metaspace each, never returned while the loader lives (BL0005).
/// </summary>
public static class ClassCountCheck
{
    /// <summary>Classes beyond one per redefinition, per redefinition, from which hidden classes are named.</summary>
    public const double ExtraPerRedefinitionThreshold = 0.5;

    /// <summary>Fewer extra classes than this are not worth a line (class loading by the agent itself is common).</summary>
    public const int MinExtraClasses = 10;

    public static IReadOnlyList<Finding> Check(IReadOnlyList<SnapshotSummary> snapshots, Func<PoolHazard, string> ruleIdOf)
    {
        var findings = new List<Finding>();
        foreach (var s in snapshots)
        {
            if (s.Previous is not { } before || before.Classes is not { } from || s.Snapshot.Classes is not { } to) continue;
            int rounds = s.Snapshot.RedefinitionsBefore - before.RedefinitionsBefore;
            if (rounds <= 0) continue;
            int delta = to - from, extra = delta - rounds;
            var numbers = new Dictionary<string, double>
            {
                ["classesBefore"] = from,
                ["classesAfter"] = to,
                ["redefinitions"] = rounds,
                ["extraClassesPerRedefinition"] = (double)extra / rounds,
            };
            string message = $"{SizeFormat.Count(delta)} more loaded classes over {SizeFormat.Count(rounds)} redefinitions ({SizeFormat.Count(from)} → {SizeFormat.Count(to)})";
            if (extra >= MinExtraClasses && extra >= ExtraPerRedefinitionThreshold * rounds)
                message += $": one per redefinition is the JVM's scratch class (counted even when nothing leaks); the other ≈ {(double)extra / rounds:0.#} per redefinition "
                           + "are classes loaded between the reports: the agent's own (a one-time cost; the growth split below weighs them), or, when the same number comes back after every round, "
                           + $"hidden classes that lambda and type-switch sites spin when they re-link, ≈ 1.5 KB each, kept while the loader lives ({ruleIdOf(PoolHazard.IndyRelink)})";
            else if (delta < 0.9 * rounds - 1)
                message += ": fewer than one per redefinition, although each adds its scratch class: the reports do not bracket these redefinitions (taken before or after all of them), or classes were unloaded between them";
            else if (delta <= rounds)
                message += ": about one per redefinition, the JVM's scratch class, counted even when nothing leaks; no classes are spun by the retransforms";
            else
                continue;
            findings.Add(new Finding("class-count", message, s.Snapshot.Position.ToString(), numbers));
        }
        return findings;
    }
}
