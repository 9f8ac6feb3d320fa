using BytecodeLint.Analysis.Engine;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.IndyRelink;

/// <summary>
/// What BL0005 counts in one class, for hosts that project it over many retransforms (<c>simulate
/// --retransforms N</c>): the lambda and type-switch sites that re-link after every retransform (all but
/// <c>&lt;clinit&gt;</c>'s) and the Metaspace each retransform adds when they all run again. The growth is
/// linear in retransforms, and the loaded-class count rises by one per executed site per round (measured:
/// +8,003 classes for 8 sites over 1,000 retransforms on JDK 17; samples/java/measure/measure-indy.sh).
/// </summary>
public sealed record IndyRelinkEstimate(int LambdaSites, int TypeSwitchSites, double BytesPerRetransform)
{
    /// <summary>Sites that spin a class on every run after a retransform (type switches only where the target does).</summary>
    public int SpinningSites { get; init; }

    public static IndyRelinkEstimate Of(JavaClass @class, JdkTarget target)
    {
        var sites = IndySites.Find(@class);
        int lambdas = sites.Count(s => s.Kind != IndyKind.TypeSwitch);
        int switches = IndyRelinkCost.CountsTypeSwitch(target) ? sites.Count(s => s.Kind == IndyKind.TypeSwitch) : 0;
        return new IndyRelinkEstimate(lambdas, switches, IndyRelinkCost.BytesPerRetransform(target, lambdas, switches))
        {
            SpinningSites = lambdas + switches,
        };
    }

    /// <summary>Metaspace after <paramref name="retransforms"/> retransforms: linear, every site running each round.</summary>
    public double BytesAfter(int retransforms) => BytesPerRetransform * retransforms;
}
