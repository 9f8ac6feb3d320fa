using System.Collections.Immutable;
using System.Globalization;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform.IndyRelink;

/// <summary>
/// BL0005 — a retransform gives the class a fresh constant-pool cache, so every invokedynamic site is
/// unlinked; the next execution runs the bootstrap again. LambdaMetafactory (and SwitchBootstraps.typeSwitch
/// from JDK 23) spins a new hidden class each time, kept for the loader's life (measured on 17.0.15 and
/// 25.0.3 by samples/java/measure/measure-indy.sh). One note per class with such sites outside
/// <c>&lt;clinit&gt;</c>, and one note per input with the totals, reported at its end so that a
/// scan of a modern jar, where most classes have lambdas, opens with the sum rather than a long list.
/// </summary>
public sealed class IndyRelinkAnalyzer : BytecodeAnalyzer
{
    public const string Id = RuleIds.IndyRelink;

    /// <summary>Classes with fewer counted sites are not reported (1: every class with one).</summary>
    public static readonly RuleOption MinSites = new(Id, "min_sites", RuleOptionKind.Integer, 1,
        "Report a class only when it has at least this many counted invokedynamic sites");

    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Lambda call sites re-link and spin a new class after every retransform",
        "{0} has {1} outside <clinit>; after each retransform every one that runs again re-links and defines a new hidden class: ~{2} of Metaspace per retransform, ~{3} after 1,000 retransforms on {4}, never freed while the class loader lives",
        Categories.Retransform,
        Severity.Note,
        IsEnabledByDefault: true,
        "A retransform replaces the class's constant-pool cache, so each invokedynamic site links again the next time it runs. LambdaMetafactory defines one hidden class per link (and SwitchBootstraps.typeSwitch too from JDK 23); the old ones stay. Measured ~1.6 KB of Metaspace per site per retransform on JDK 17 and 25. A note: lambdas are everywhere, and the cost only matters for classes an agent retransforms often.")
    {
        Options = [MinSites],
    };

    /// <summary>The input-level total, reported once per input before the per-class notes.</summary>
    public static readonly DiagnosticDescriptor SummaryRule = Rule with
    {
        MessageFormat = "{0} class(es) of this input hold {1} invokedynamic site(s) that re-link after every retransform; if every class were retransformed and every site ran again, each round would cost ~{2} of Metaspace and 1,000 rounds ~{3} on {4}",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule, SummaryRule];

    public override void Initialize(AnalyzerRegistration registration) => registration.RegisterArtifactStartAction(Start);

    private static void Start(ArtifactStartContext start)
    {
        int classes = 0, sites = 0;
        long bytesTimes100 = 0; // summed as integers so the total does not depend on the visiting order
        start.RegisterClassAction(context =>
        {
            if (Analyze(context) is not { } found) return;
            Interlocked.Increment(ref classes);
            Interlocked.Add(ref sites, found.Sites);
            Interlocked.Add(ref bytesTimes100, (long)Math.Round(found.Bytes * 100));
        });
        start.RegisterArtifactEndAction(end =>
        {
            if (classes == 0) return;
            double bytes = bytesTimes100 / 100.0;
            var properties = new Dictionary<string, double>
            {
                ["classes"] = classes,
                ["sites"] = sites,
                ["bytesPerRetransform"] = bytes,
                ["bytesPer1000Retransforms"] = bytes * 1000,
            };
            end.Report(SummaryRule, end.ArtifactLocation(), properties, "indy-summary",
                classes, sites, Bytes.Format(bytes), Bytes.Format(bytes * 1000), IndyRelinkCost.Describe(end.Options.TargetJdk));
        });
    }

    private static (int Sites, double Bytes)? Analyze(ClassAnalysisContext context)
    {
        var found = IndySites.Find(context.Class);
        var target = context.Options.TargetJdk;
        bool switches = IndyRelinkCost.CountsTypeSwitch(target);
        int lambda = found.Count(s => s.Kind != IndyKind.TypeSwitch);
        int typeSwitch = switches ? found.Count(s => s.Kind == IndyKind.TypeSwitch) : 0;
        int counted = lambda + typeSwitch;
        if (counted == 0 || counted < context.Options.GetValue(MinSites)) return null;

        double bytes = IndyRelinkCost.BytesPerRetransform(target, lambda, typeSwitch);
        var first = found.First(s => s.Kind != IndyKind.TypeSwitch || switches);
        var properties = new Dictionary<string, double>
        {
            ["lambdaSites"] = found.Count(s => s.Kind == IndyKind.Lambda),
            ["altLambdaSites"] = found.Count(s => s.Kind == IndyKind.AltLambda),
            ["typeSwitchSites"] = typeSwitch,
            ["bytesPerRetransform"] = bytes,
            ["bytesPer1000Retransforms"] = bytes * 1000,
        };
        context.Report(Rule, context.CreateLocation(first.Method, first.Pc, first.Code), properties,
            $"indy-sites={counted}", context.ClassName, Describe(lambda, typeSwitch, target, found.Count - lambda - typeSwitch),
            Bytes.Format(bytes), Bytes.Format(bytes * 1000), IndyRelinkCost.Describe(target));
        return (counted, bytes);
    }

    private static string Describe(int lambda, int typeSwitch, JdkTarget target, int ignoredSwitches)
    {
        var parts = new List<string>();
        if (lambda > 0) parts.Add(Count(lambda, "lambda/method-reference site"));
        if (typeSwitch > 0) parts.Add(Count(typeSwitch, "pattern-switch site") + (target.IsKnown ? "" : " (a class per site from JDK 23)"));
        string text = string.Join(" and ", parts);
        return ignoredSwitches > 0 ? text + $" (and {Count(ignoredSwitches, "pattern-switch site")}, which spin no class before JDK 23)" : text;
    }

    private static string Count(int n, string what) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + what + (n == 1 ? "" : "s");
}
