using System.Collections.Immutable;
using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform;

/// <summary>
/// BL0003 — a method whose stack map makes ldc widening expensive. docs/design/hotspot.md §4: every widened
/// 1-byte ldc clones the whole method, StackMapTable included, so one retransform by a
/// pool-rebuilding enhancer costs ≈ W·(1.114·S + 7.5 KB) per method, S = code length +
/// StackMapTable length + LineNumberTable entries. W comes from the HotSpot model's what-if
/// (<see cref="HotSpotModel.WorstCaseRebuildWidenings"/>): the most ldc a fresh-pool writer could make
/// HotSpot widen, plus the enhancer's own new constants once the pool has 255 entries or more.
/// </summary>
public sealed class ExpensiveWideningAnalyzer : BytecodeAnalyzer
{
    public const string Id = RuleIds.ExpensiveWidening;

    /// <summary>Report when one retransform of one method is estimated above this (MiB).</summary>
    public const double DefaultThresholdMiB = 64;

    public static readonly RuleOption ThresholdMiB = new(Id, "threshold_mib", RuleOptionKind.Number, DefaultThresholdMiB,
        "Report a method when one retransform of it is estimated to cost more than this many MiB of Metaspace");

    /// <summary>New ldc an enhancer inserts per method (e.g. a probe name).</summary>
    public static readonly RuleOption EnhancerLdcPerMethod = new(Id, "enhancer_ldc_per_method", RuleOptionKind.Integer, 1,
        "New ldc an enhancer inserts into each method it rewrites (e.g. a probe name), counted as widened once the pool passes 255 entries");

    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Method's stack map makes ldc widening expensive",
        "{0} has a {1} stack map (S = {2:N0} bytes) and {3} ldc that a constant-pool-rebuilding enhancer could make HotSpot widen; one retransform could cost ~{4} of Metaspace",
        Categories.Retransform,
        Severity.Warning,
        IsEnabledByDefault: true,
        "When a retransformation's constant-pool merge moves a constant loaded by a 1-byte ldc above index 255, HotSpot widens the instruction to ldc_w by cloning the whole method, StackMapTable included, once per widened ldc. Methods with large stack maps and many ldc then cost hundreds of megabytes of Metaspace in a single retransform by an enhancer that rebuilds the constant pool.")
    {
        Options = [ThresholdMiB, EnhancerLdcPerMethod],
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalyzerRegistration registration) => registration.RegisterClassAction(Analyze);

    private static void Analyze(ClassAnalysisContext context)
    {
        var @class = context.Class;
        // Cheap pre-filter: the what-if needs constants above index 255 or a pool big enough for new constants to land there.
        if (@class.ConstantPool.Count < RebuildWhatIf.OneByteSlots) return;
        double thresholdBytes = context.Options.GetValue(ThresholdMiB) * 1024 * 1024;
        int enhancerLdc = (int)context.Options.GetValue(EnhancerLdcPerMethod);
        if (!MayExceed(@class, thresholdBytes, enhancerLdc)) return;

        var whatIf = HotSpotModel.WorstCaseRebuildWidenings(@class, enhancerLdc);
        foreach (var method in whatIf.Methods)
        {
            if (method.EstimatedBytes < thresholdBytes) continue;
            var member = FindMethod(@class, method.Name, method.Descriptor);
            var code = member?.GetCode();
            int smt = code?.GetStackMapTable()?.Length ?? 0;
            int ldc = 0, ldcW = 0;
            if (code is { } body)
            {
                var cursor = body.GetInstructions();
                while (cursor.MoveNext())
                {
                    if (cursor.Opcode == Opcode.Ldc) ldc++;
                    else if (cursor.Opcode == Opcode.LdcW) ldcW++;
                }
            }
            var properties = new Dictionary<string, double>
            {
                ["S"] = method.S,
                ["codeLength"] = code?.CodeLength ?? 0,
                ["stackMapTableLength"] = smt,
                ["lineNumberEntries"] = code?.LineNumberEntryCount ?? 0,
                ["ldc"] = ldc,
                ["ldcW"] = ldcW,
                ["worstCaseWidenedLdc"] = method.WorstCaseWidenedLdc,
                ["constantPoolCount"] = whatIf.ConstantPoolCount,
                ["estimatedBytes"] = method.EstimatedBytes,
                ["firstFitEstimatedBytes"] = MetaspaceCost.LdcWidening(method.S, method.WorstCaseWidenedLdc),
                ["thresholdBytes"] = thresholdBytes,
            };
            context.Report(Rule, context.CreateLocation(member, 0, code), properties,
                $"S-bucket={Bucket(method.S)};W={method.WorstCaseWidenedLdc}",
                $"{context.ClassName}.{method.Name}", Bytes.Format(smt), method.S, method.WorstCaseWidenedLdc, Bytes.Format(method.EstimatedBytes));
        }
    }

    /// <summary>
    /// Upper bound without building the pool model: every ldc/ldc_w in the method widening, priced
    /// with the model's bound. Most classes are dismissed here; only plausible ones pay for the what-if.
    /// </summary>
    private static bool MayExceed(JavaClass @class, double thresholdBytes, int enhancerLdc)
    {
        foreach (var method in @class.Methods)
        {
            if (method.GetCode() is not { } code) continue;
            // W ≤ number of ldc-family instructions ≤ code length / 2, plus the enhancer's own.
            long maxW = code.CodeLength / 2 + enhancerLdc;
            long attributeBytes = 0;
            foreach (var attribute in method.Attributes) attributeBytes += attribute.Length;
            // Raw sizes first: most methods are ruled out without decoding a table.
            if (MetaspaceCost.CheapLdcWideningUpperBound(attributeBytes, maxW) < thresholdBytes) continue;
            if (MethodShape.From(method) is { } shape && MetaspaceCost.LdcWideningUpperBound(shape, maxW, JdkProfile.Any) >= thresholdBytes)
                return true;
        }
        return false;
    }

    private static MemberInfo? FindMethod(JavaClass @class, string name, string descriptor)
    {
        foreach (var method in @class.Methods)
            if (method.NameString == name && method.DescriptorString == descriptor) return method;
        return null;
    }

    /// <summary>Evidence must not change with every byte of the method: bucket S by powers of two.</summary>
    private static long Bucket(long s) => s <= 0 ? 0 : 1L << (int)Math.Log2(s);
}
