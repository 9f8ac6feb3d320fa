using System.Collections.Immutable;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.SignedZeros;

/// <summary>
/// BL0007 — a constant pool with both +0.0 and −0.0 of one type. HotSpot's merge compares them with
/// <c>==</c>, for which they are equal, so a retransform through a writer that renumbers the pool
/// (BL0002's family) maps every zero of that type onto the old pool's first one: when that is +0.0,
/// <c>ldc −0.0</c> silently loads +0.0 (measured on 17.0.15 and 25.0.3,
/// samples/java/measure/measure-zeros.sh). A pool with one signed zero is safe. In pair mode the
/// merge is replayed on the agent's class and a confirmed flip is an error.
/// </summary>
public sealed class SignedZerosAnalyzer : BytecodeAnalyzer
{
    public const string Id = RuleIds.SignedZeros;

    private const string Description =
        "HotSpot's constant-pool merge compares Float and Double entries with ==, for which -0.0 equals +0.0. When a transformer renumbers the pool, each zero of the new class is mapped to the first zero of its type in the old pool, whatever its sign. If +0.0 comes first, code that loads -0.0 gets +0.0 after the retransform: 1/x, Math.copySign, atan2, Double.compare and the string form change, with no error and no log line.";

    /// <summary>+0.0 precedes −0.0 and −0.0 is loaded by ldc: the measured wrong-result order.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Constant pool holds both signed zeros of one type",
        "{0} holds {1} +0.0 (#{2}) before -0.0 (#{3}), and {4} loads -0.0 with ldc; after a retransform through a writer that renumbers the pool it loads +0.0 instead, silently changing results",
        Categories.Retransform,
        Severity.Warning,
        IsEnabledByDefault: true,
        Description);

    /// <summary>Both zeros, but −0.0 first (javac's order) or never loaded: remapped, no visible change measured.</summary>
    public static readonly DiagnosticDescriptor LatentRule = Rule with
    {
        MessageFormat = "{0} holds {1} -0.0 (#{2}) and +0.0 (#{3}); a retransform through a writer that renumbers the pool maps the zeros of this type onto #{4} ({5}), which changed no result when measured but would if a transformer reorders the pool",
        DefaultSeverity = Severity.Note,
    };

    /// <summary>Pair mode: the agent's class loads a zero the merge maps onto the other sign.</summary>
    public static readonly DiagnosticDescriptor PairRule = Rule with
    {
        MessageFormat = "The transformed {0} from {1} loads {2} {3} (#{4}) in {5}, and the merge maps it onto the original's {6} (#{7}): after this retransform the code computes with the wrong sign of zero; keep the original pool (build the writer on the ClassReader) or load the constant by computation",
        DefaultSeverity = Severity.Error,
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule, LatentRule, PairRule];

    public override void Initialize(AnalyzerRegistration registration) => registration.RegisterClassAction(Analyze);

    private static void Analyze(ClassAnalysisContext context)
    {
        if (AnalyzePair(context)) return;
        var @class = context.Class;
        foreach (var kind in (ConstantKind[])[ConstantKind.Double, ConstantKind.Float])
        {
            var zeros = ZeroEntries.Read(@class.ConstantPool, kind);
            if (!zeros.HasBoth) continue;
            string type = kind == ConstantKind.Double ? "double" : "float";
            var negativeLoad = ConstantLoads.First(@class, i => zeros.Entries.TryGetValue(i, out bool n) && n);
            var properties = new Dictionary<string, double>
            {
                ["positiveIndex"] = zeros.FirstPositive,
                ["negativeIndex"] = zeros.FirstNegative,
                ["zeroEntries"] = zeros.Entries.Count,
            };
            if (zeros.FirstPositive < zeros.FirstNegative && negativeLoad is { } load)
            {
                context.Report(Rule, context.CreateLocation(load.Method, load.Pc, load.Code), properties, $"signed-zeros:{type}:positive-first",
                    context.ClassName, type, zeros.FirstPositive, zeros.FirstNegative, context.ClassName + "." + load.Method.NameString);
            }
            else
            {
                int first = Math.Min(zeros.FirstPositive, zeros.FirstNegative);
                string sign = first == zeros.FirstNegative ? "-0.0" : "+0.0, but no ldc loads -0.0";
                var location = negativeLoad is { } l ? context.CreateLocation(l.Method, l.Pc, l.Code) : context.CreateLocation();
                context.Report(LatentRule, location, properties, $"signed-zeros:{type}:latent",
                    context.ClassName, type, zeros.FirstNegative, zeros.FirstPositive, first, sign);
            }
        }
    }

    /// <summary>Reports a flip the agent's class really causes; true when the pair decided the outcome (a dump exists and differs).</summary>
    private static bool AnalyzePair(ClassAnalysisContext context)
    {
        if (context.Options.TransformedClasses is not { } dumps || context.Entry.Release is not null) return false;
        if (dumps.Find(context.Entry.EntryPath) is not { } dump) return false;
        var original = context.Class;
        if (original.Name != dump.Class.Name || original.Bytes.Span.SequenceEqual(dump.Bytes)) return false;
        if (ZeroMerge.FindFlip(original, dump.Class) is not { } flip) return true; // the pair shows no flip: the static guess is superseded
        string type = flip.Kind == ConstantKind.Double ? "double" : "float";
        string Sign(bool negative) => negative ? "-0.0" : "+0.0";
        var properties = new Dictionary<string, double> { ["scratchIndex"] = flip.ScratchIndex, ["mergedIndex"] = flip.OldIndex };
        var location = context.CreateLocation() with { Member = flip.Method, BytecodeOffset = flip.Pc };
        context.Report(PairRule, location, properties, $"pair:signed-zero:{type}",
            context.ClassName, dump.Location, type, Sign(flip.WasNegative), flip.ScratchIndex, flip.Method, Sign(!flip.WasNegative), flip.OldIndex);
        return true;
    }
}
