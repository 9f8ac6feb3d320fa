using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform.IndyRelink;

/// <summary>
/// The Metaspace one retransform costs a class whose counted sites all run afterwards, from the laws
/// measured on 17.0.15 and 25.0.3 (samples/java/measure/measure-indy.sh, docs/rules/BL0005.md): a
/// least-squares fit over 1, 4 and 8 executed lambda sites, net of a class without lambdas —
/// 17: 1.18 KB + 1.51 KB per site, 25: 0.88 KB + 1.55 KB per site — and 1,522 B per type-switch site
/// on 25 (one spun class each). JDK ≤ 22 uses 17's law (21 not measured: derived from the JDK-23
/// change to typeSwitch); 23+ uses 25's; an unknown target takes the larger of the two.
/// </summary>
internal static class IndyRelinkCost
{
    /// <summary>The first feature release whose <c>SwitchBootstraps.typeSwitch</c> spins a class per site (JDK-8319220).</summary>
    public const int TypeSwitchSpinsFrom = 23;

    private readonly record struct Law(double BaseBytes, double PerLambdaBytes, double PerTypeSwitchBytes);

    private static readonly Law Jdk17 = new(1.18 * 1024, 1.51 * 1024, 0);
    private static readonly Law Jdk25 = new(0.88 * 1024, 1.55 * 1024, 1522);

    /// <summary>True when type-switch sites spin a class on the target (unknown: yes, as on the newest JDK measured).</summary>
    public static bool CountsTypeSwitch(JdkTarget target) => target.Feature is not { } f || f >= TypeSwitchSpinsFrom;

    /// <summary>Bytes of Metaspace per retransform for <paramref name="lambdaSites"/> lambda and <paramref name="switchSites"/> type-switch sites that run.</summary>
    public static double BytesPerRetransform(JdkTarget target, int lambdaSites, int switchSites)
    {
        if (target.Feature is { } f) return Apply(f >= TypeSwitchSpinsFrom ? Jdk25 : Jdk17, lambdaSites, switchSites);
        return Math.Max(Apply(Jdk17, lambdaSites, 0), Apply(Jdk25, lambdaSites, switchSites));
    }

    private static double Apply(Law law, int lambdaSites, int switchSites) =>
        (lambdaSites > 0 ? law.BaseBytes + law.PerLambdaBytes * lambdaSites : 0) + law.PerTypeSwitchBytes * switchSites;

    /// <summary>How the target is named in messages.</summary>
    public static string Describe(JdkTarget target) =>
        target.Feature is { } f ? "JDK " + f : "the JDKs measured (17, 25)";
}
