using System.Collections.Immutable;
using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform;

/// <summary>
/// BL0004 — a NaN Float/Double constant doubles the constant pool on every retransform.
/// docs/design/hotspot.md §5: the merge compares Float and Double entries with C++ <c>==</c>; NaN never equals
/// itself, so every NaN entry, and every copy appended before, is appended again on each
/// retransform — with no transformer at all, on every JDK measured (17.0.15, 25.0.3). The number of
/// retransforms until the pool passes 65,535 entries comes from the HotSpot model, in closed form
/// (<see cref="HotSpotModel.NaNOverflowRetransforms"/>: the same answer as its step-by-step simulation).
/// </summary>
public sealed class NaNConstantAnalyzer : BytecodeAnalyzer
{
    public const string Id = RuleIds.NaNConstant;

    /// <summary>
    /// At or below this many retransforms to overflow the finding is reported with <see cref="OverflowSoonRule"/>
    /// (error). 0, the default, never escalates: a NaN in a widely used library (Guava has eight) must not
    /// fail a first build; teams that retransform periodically opt in.
    /// </summary>
    public static readonly RuleOption ErrorAtOrBelow = new(Id, "error_at_or_below", RuleOptionKind.Integer, 0,
        "Report as error when the pool overflows within this many retransforms (0: never escalate)");

    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        "NaN constant makes every retransform double the constant pool",
        "{0} holds {1} NaN float/double constant(s); HotSpot appends them again on every retransform, doubling the {2}-entry constant pool until it passes 65,535 entries after {3} retransforms ({4})",
        Categories.Retransform,
        Severity.Warning,
        IsEnabledByDefault: true,
        "HotSpot's constant-pool merge compares Float and Double entries with ==, and NaN never equals itself, so every NaN constant (and every copy appended before) is appended again on each retransform, even with no transformer. The pool doubles per retransform; after a dozen or so retransforms it passes 65,535 entries: JDK 17 hangs or dies inside retransformClasses, JDK 25 silently refuses the redefinition.")
    {
        Options = [ErrorAtOrBelow],
    };

    /// <summary>The same finding when the overflow comes within <see cref="ErrorAtOrBelow"/> retransforms (opt-in).</summary>
    public static readonly DiagnosticDescriptor OverflowSoonRule = Rule with { DefaultSeverity = Severity.Error };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule, OverflowSoonRule];

    public override void Initialize(AnalyzerRegistration registration) => registration.RegisterClassAction(Analyze);

    private static void Analyze(ClassAnalysisContext context)
    {
        var @class = context.Class;
        var pool = @class.ConstantPool;
        if (!pool.Contains(ConstantKind.Float) && !pool.Contains(ConstantKind.Double)) return;
        int nanEntries = 0, firstNaN = 0;
        for (int i = 1; i < pool.Count; i++)
        {
            if (!IsNaN(pool, i)) continue;
            nanEntries++;
            if (firstNaN == 0) firstNaN = i;
        }
        if (nanEntries == 0) return;

        var profile = JdkProfile.For(context.Options.TargetJdk);
        int? overflow = HotSpotModel.NaNOverflowRetransforms(@class, profile);
        var load = ConstantLoads.First(@class, i => IsNaN(pool, i));
        var (method, pc, code) = load is { } l ? (l.Method, l.Pc, l.Code) : ((MemberInfo?)null, 0, (CodeAttribute?)null);
        int errorAt = (int)context.Options.GetValue(ErrorAtOrBelow);
        var properties = new Dictionary<string, double>
        {
            ["nanEntries"] = nanEntries,
            ["constantPoolCount"] = pool.Count,
        };
        if (overflow is { } n) properties["retransformsToOverflow"] = n;
        string consequence = profile.RejectsPoolOverflow
            ? "then the JVM refuses the redefinition"
            : profile.IsKnown ? "then retransformClasses hangs or fails" : "then JDK 17 hangs, JDK 25 refuses the redefinition";
        var location = context.CreateLocation(method, method is null ? null : pc, code);
        // Few retransforms to overflow: an agent that retransforms periodically will hit it within hours.
        var descriptor = overflow is { } soon && soon <= errorAt ? OverflowSoonRule : Rule;
        var diagnostic = Diagnostic.Create(descriptor, location, properties, $"nan-entries={nanEntries}",
            method is { } m ? $"{context.ClassName}.{m.NameString}" : context.ClassName,
            nanEntries, pool.Count, overflow?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "more than " + HotSpotModel.NaNOverflowSearchLimit, consequence);
        context.ReportDiagnostic(diagnostic);
    }

    private static bool IsNaN(ConstantPool pool, int index) => pool.KindAt(index) switch
    {
        ConstantKind.Float => float.IsNaN(pool.GetFloat(index)),
        ConstantKind.Double => double.IsNaN(pool.GetDouble(index)),
        _ => false,
    };
}
