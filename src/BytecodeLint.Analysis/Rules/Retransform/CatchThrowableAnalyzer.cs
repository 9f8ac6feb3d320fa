using System.Collections.Immutable;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform;

/// <summary>
/// BL0001 — catch (Throwable) pre-resolved by the verifier (JDK-8308762). docs/design/hotspot.md §2: on JDK
/// 17–21 the verifier resolves the Class constant of every handler whose catch type is exactly
/// java/lang/Throwable; a resolved entry never equals the scratch class's unresolved one, so every
/// Fieldref/Methodref/InterfaceMethodref on that entry is appended again (+2 entries) on every
/// retransform. All three trigger conditions must hold: a Throwable handler, a member reference on
/// that same Class entry, and major version ≥ 50 (older files use the inference verifier).
/// </summary>
public sealed class CatchThrowableAnalyzer : BytecodeAnalyzer
{
    public const string Id = RuleIds.CatchThrowable;

    /// <summary>First feature release with the pre-resolution (JDK-8267118) and the last without the fix (openjdk/jdk PR 14780, JDK 22).</summary>
    public const int FirstAffectedJdk = 17, LastAffectedJdk = 21;

    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        "catch (Throwable) is pre-resolved by the verifier; retransforming this class leaks Metaspace",
        "{0} catches java/lang/Throwable and references {1} Throwable member(s) through the same constant; each retransform appends {2} constant-pool entries for good {3} (JDK-8308762): ~{4} of Metaspace after 100 retransforms, ~{5} after 1,000",
        Categories.Retransform,
        Severity.Warning,
        IsEnabledByDefault: true,
        "On JDK 17 to 21 the bytecode verifier resolves the class constant of a catch (Throwable) handler. A resolved constant never compares equal during the constant-pool merge of a retransformation, so every member reference through it (t.printStackTrace(), t.addSuppressed(...), which every try-with-resources emits) is appended to the class's constant pool again on every retransform. The pool only grows; each retransform allocates a larger pool, and Metaspace use grows quadratically with the number of retransforms until OutOfMemoryError: Metaspace.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalyzerRegistration registration) => registration.RegisterClassAction(Analyze);

    private static void Analyze(ClassAnalysisContext context)
    {
        var target = context.Options.TargetJdk;
        if (!target.MayBeWithin(FirstAffectedJdk, LastAffectedJdk)) return;
        var @class = context.Class;
        if (@class.MajorVersion < 50) return; // old-format files are verified by inference: no pre-resolution
        // Boot-loader classes are not verified by default (BytecodeVerificationLocal=false): no pre-resolution.
        if (BootModules.Contains(context.Entry)) return;

        var pool = @class.ConstantPool;
        // Class entries that name java/lang/Throwable. Usually one (javac deduplicates), but any may be a catch type.
        var throwableEntries = new List<int>(1);
        for (int i = 1; i < pool.Count; i++)
        {
            if (pool.KindAt(i) == ConstantKind.Class && pool.ClassNameEquals(new ClassHandle(i), WellKnownNames.Throwable))
                throwableEntries.Add(i);
        }
        if (throwableEntries.Count == 0) return;

        // Handlers catching exactly Throwable, in method and table order; the first locates the finding.
        int handlers = 0;
        var usedAsCatchType = new HashSet<int>();
        MemberInfo? firstMethod = null;
        CodeAttribute? firstCode = null;
        int firstHandlerPc = -1;
        bool firstSuppressed = false;
        foreach (var method in @class.Methods)
        {
            if (method.GetCode() is not { } code) continue;
            for (int h = 0; h < code.ExceptionHandlerCount; h++)
            {
                var handler = code.GetExceptionHandler(h);
                if (handler.CatchType.IsNil || !throwableEntries.Contains(handler.CatchType.Index)) continue;
                handlers++;
                usedAsCatchType.Add(handler.CatchType.Index);
                // Locate at the first handler whose method is not suppressed for this rule, so a
                // method-level @SuppressBytecodeLint does not hide the same leak in another method.
                bool better = firstMethod is null || (firstSuppressed && !context.IsSuppressed(Id, method));
                if (better)
                {
                    firstSuppressed = context.IsSuppressed(Id, method);
                    firstMethod = method;
                    firstCode = code;
                    firstHandlerPc = handler.HandlerPc;
                }
            }
        }
        if (handlers == 0) return;

        int memberRefs = 0;
        for (int i = 1; i < pool.Count; i++)
        {
            if (!pool.KindAt(i).IsMemberRef()) continue;
            var member = pool.GetMemberRef(new MemberRefHandle(i));
            if (usedAsCatchType.Contains(member.Class.Index)) memberRefs++;
        }
        if (memberRefs == 0) return; // measured: a Throwable handler alone does not leak (exp1-CatchThrowableNoCall)

        int poolCount = pool.Count;
        int growth = 2 * memberRefs; // docs/design/hotspot-model.md §2.4: member ref + its class copy, per ref, per retransform
        double after100 = HotSpot.MetaspaceCost.CatchThrowableLeak(poolCount, 100);
        double after1000 = HotSpot.MetaspaceCost.CatchThrowableLeak(poolCount, 1000);
        var properties = new Dictionary<string, double>
        {
            ["throwableHandlers"] = handlers,
            ["throwableMemberRefs"] = memberRefs,
            ["constantPoolCount"] = poolCount,
            ["poolEntriesPerRetransform"] = growth,
            ["metaspaceBytesAfter100Retransforms"] = Math.Round(after100),
            ["metaspaceBytesAfter1000Retransforms"] = Math.Round(after1000),
        };
        string jdk = target.IsKnown ? $"on JDK {target.Feature}" : $"on JDK {FirstAffectedJdk}–{LastAffectedJdk}";
        var location = context.CreateLocation(firstMethod, firstHandlerPc, firstCode);
        context.Report(Rule, location, properties,
            $"throwable-handlers={handlers};member-refs={memberRefs}",
            firstMethod is { } m ? context.ClassName + "." + m.NameString : context.ClassName,
            memberRefs, growth, jdk, Bytes.Format(after100), Bytes.Format(after1000));
    }
}
