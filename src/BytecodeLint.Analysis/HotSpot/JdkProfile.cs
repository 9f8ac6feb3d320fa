using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// What a HotSpot feature release does in the retransform path (docs/design/hotspot.md §§1–5). Built from a
/// <see cref="JdkTarget"/>; an unknown version means "any supported JDK" and takes the worst case
/// of every behaviour, so a prediction made without <c>--jdk</c> never understates a hazard.
/// </summary>
public sealed record JdkProfile
{
    private JdkProfile(JdkTarget target) => Target = target;

    /// <summary>Any supported JDK: every hazard that exists on at least one of them applies.</summary>
    public static JdkProfile Any { get; } = new(JdkTarget.Any);

    public JdkTarget Target { get; }

    /// <summary>The feature release (8, 11, 17, ...), or null for "any".</summary>
    public int? Feature => Target.Feature;

    public bool IsKnown => Target.IsKnown;

    /// <summary>Parses "8", "1.8", "17", "17.0.15", "21.0.4+7", "25"; null, empty or "any" give <see cref="Any"/>.</summary>
    public static JdkProfile Parse(string? text) => For(JdkTarget.Parse(text));

    public static JdkProfile For(JdkTarget target) => target.IsKnown ? new JdkProfile(target) : Any;

    public static JdkProfile ForFeature(int feature) => For(JdkTarget.Parse(feature.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// The split verifier resolves a handler's catch type when it is exactly java/lang/Throwable
    /// (JDK-8267118, since 17; docs/design/hotspot-model.md §1.1, §1.4). Mainline still does it.
    /// </summary>
    public bool VerifierResolvesThrowableCatchType => Feature is null or >= 17;

    /// <summary>
    /// <c>ConstantPool::compare_entry_to</c> maps Class to UnresolvedClass before comparing tags
    /// (JDK-8308762 fix, PR 14780, JDK 22; not backported to 17u or 21u: research §3).
    /// </summary>
    public bool ResolvedClassComparesByName => Feature is >= 22;

    /// <summary>The JDK-8308762 leak: a resolved Throwable catch type never matches (feature 17–21, docs/design/hotspot.md §2).</summary>
    public bool ThrowableLeak => VerifierResolvesThrowableCatchType && !ResolvedClassComparesByName;

    /// <summary>Float/Double entries are compared with C++ <c>==</c>, so NaN never matches: true on every JDK measured (docs/design/hotspot.md §5).</summary>
    public bool NaNNeverMatches => true;

    /// <summary>
    /// Whether a merge that passes 65,535 entries is refused (JDK-8311076: in 21.0.13.1 and 25.0.3
    /// binaries, absent in 17.0.21.1 and 11; research §2.5). Unknown = false, the worse outcome
    /// (JDK 17 hung or died past the limit; JDK 25 silently dropped the redefinition).
    /// </summary>
    public bool RejectsPoolOverflow => Feature is 21 or >= 23;

    /// <summary><c>sizeof(ConstMethod)</c> H: 48 on JDK 17, 56 on 11/21/25 (research §4.3); 8 uses 11's value.</summary>
    public int ConstMethodHeaderBytes => Feature == 17 ? 48 : 56;

    /// <summary><c>sizeof(Method)</c>: 88 on every measured JDK.</summary>
    public int MethodHeaderBytes => 88;

    /// <summary><c>sizeof(ConstantPool)</c>: 64 on 11 (and 8), 72 on 17/21/25.</summary>
    public int ConstantPoolHeaderBytes => Feature is <= 16 ? 64 : 72;

    /// <summary>Annotation arrays are deep-copied into every clone since JDK 9 (JDK-8164921); 8u copies pointers.</summary>
    public bool ClonesCopyAnnotations => Feature is null or >= 9;

    /// <summary>
    /// Whether the split verifier (and so the Throwable pre-resolution) runs for this class. It does
    /// not when <paramref name="unverified"/> (boot-loader classes, where BytecodeVerificationLocal
    /// is off by default, or <c>-XX:-BytecodeVerificationRemote</c> / <c>-Xverify:none</c>; both
    /// measured: no leak) nor for class files older than 50, which only the old inference verifier
    /// sees (research §1.3).
    /// </summary>
    public static bool IsVerified(int majorVersion, bool unverified) => !unverified && majorVersion >= 50;

    public override string ToString() => IsKnown ? "JDK " + Target.Text : "any JDK";
}
