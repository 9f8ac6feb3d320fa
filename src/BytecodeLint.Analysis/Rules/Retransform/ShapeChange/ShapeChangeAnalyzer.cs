using System.Collections.Immutable;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform.ShapeChange;

/// <summary>
/// BL0006 (pair mode only, <c>scan --transformed</c>) — the agent's version of a class differs from
/// the original in a way HotSpot refuses to retransform: <c>retransformClasses</c> throws
/// <c>UnsupportedOperationException</c>, and every class passed in the same call keeps its old bytes
/// (measured on 17.0.15 and 25.0.3, samples/java/measure/measure-shape.sh). The message leads with the
/// exception HotSpot throws for the first difference it checks, then lists every difference found.
/// </summary>
public sealed class ShapeChangeAnalyzer : BytecodeAnalyzer
{
    public const string Id = RuleIds.ShapeChange;

    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Transformed class changes the class shape: retransformClasses throws",
        "The transformed {0} from {1} changes the class shape ({2}); retransformClasses throws UnsupportedOperationException \"{3}\" and the whole call fails, leaving every class in it untransformed; a retransforming agent may change method bodies only",
        Categories.Retransform,
        Severity.Error,
        IsEnabledByDefault: true,
        "Retransformation (and redefinition) may change method bodies, constants, annotations and line numbers, but not the shape of the class: fields, methods (private and synthetic ones too, such as a lambda's lambda$x$0), class and method modifiers, superclass, interfaces, NestHost, NestMembers, Record and PermittedSubclasses. HotSpot rejects such a class and fails the whole retransformClasses call.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalyzerRegistration registration) => registration.RegisterClassAction(Analyze);

    private static void Analyze(ClassAnalysisContext context)
    {
        if (context.Options.TransformedClasses is not { } dumps) return;
        var entry = context.Entry;
        if (entry.Release is not null) return; // versioned copies are not what the JVM loaded by default
        if (dumps.Find(entry.EntryPath) is not { } dump) return;
        var original = context.Class;
        if (original.Name != dump.Class.Name || original.Bytes.Span.SequenceEqual(dump.Bytes)) return;

        var differences = ShapeComparison.Compare(original, dump.Class);
        if (differences.Count == 0) return;
        var first = differences.MinBy(d => d.Kind);
        var properties = new Dictionary<string, double>
        {
            ["differences"] = differences.Count,
            ["firstKind"] = (int)first.Kind,
        };
        context.Report(Rule, context.CreateLocation(), properties, "shape:" + first.Kind,
            context.ClassName, dump.Location, string.Join("; ", differences.OrderBy(d => d.Kind).Select(d => d.Detail)), first.HotSpotMessage);
    }
}
