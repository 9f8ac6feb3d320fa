using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>
/// BL0002's pair mode (<c>scan --transformed DIR_OR_JAR</c>): each scanned class that the agent's dumps
/// (<see cref="AnalyzerOptions.TransformedClasses"/>) hold under the same name is merged with its dump
/// the way <c>VM_RedefineClasses</c> would (docs/design/hotspot.md §1,
/// <see cref="HotSpotModel.Merge(JavaClass, JavaClass, JdkProfile, bool)"/>). A pair is reported when the
/// transformed class's constant-pool layout drifted enough to widen 1-byte <c>ldc</c>: from a pair the
/// widened count is exact, not a what-if (docs/design/hotspot.md §4).
/// </summary>
internal static class PoolRebuildPairs
{
    private const string MessageFormat =
        "The transformed {0} from {1} renumbers its constant pool (index map of {2} entries); retransforming it widens {3} ldc in {4} method(s), ~{5} of Metaspace per retransform on {6}; build the writer on the original ClassReader to keep the pool";

    /// <summary>A pair whose drift widens ldc: warning below <see cref="ErrorBytes"/>.</summary>
    public static readonly DiagnosticDescriptor Rule = PoolRebuildAnalyzer.Rule with
    {
        MessageFormat = MessageFormat,
        DefaultSeverity = Severity.Warning,
    };

    /// <summary>The same finding when one retransform costs at least <see cref="ErrorBytes"/>.</summary>
    public static readonly DiagnosticDescriptor CostlyRule = Rule with { DefaultSeverity = Severity.Error };

    /// <summary>Above this estimate the pair finding is an error (BL0003's default threshold, 64 MiB).</summary>
    public const double ErrorBytes = ExpensiveWideningAnalyzer.DefaultThresholdMiB * 1024 * 1024;

    public static void Analyze(ClassAnalysisContext context)
    {
        if (context.Options.TransformedClasses is not { } dumps) return;
        var entry = context.Entry;
        if (entry.Release is not null) return; // versioned copies are not what the JVM loaded by default
        if (dumps.Find(entry.EntryPath) is not { } dump) return;
        var original = context.Class;
        if (original.Name != dump.Class.Name) return;
        bool changed = !original.Bytes.Span.SequenceEqual(dump.Bytes);
        dumps.MarkMatched(dump, changed);
        if (!changed) return;

        var profile = JdkProfile.For(context.Options.TargetJdk);
        var outcome = HotSpotModel.Merge(original, dump.Class, profile);
        if (outcome.WidenedLdc == 0) return;
        Report(context, dump, outcome, profile);
    }

    private static void Report(ClassAnalysisContext context, TransformedClass dump, MergeOutcome outcome, JdkProfile profile)
    {
        var worst = outcome.Methods.OrderByDescending(m => m.EstimatedBytes).ThenBy(m => m.Name, StringComparer.Ordinal).First();
        int methods = outcome.Methods.Count(m => m.WidenedLdc > 0);
        var properties = new Dictionary<string, double>
        {
            ["oldConstantPoolCount"] = outcome.OldConstantPoolCount,
            ["scratchConstantPoolCount"] = outcome.ScratchConstantPoolCount,
            ["mergedConstantPoolCount"] = outcome.MergedConstantPoolCount,
            ["indexMapLength"] = outcome.IndexMapLength,
            ["appendedEntries"] = outcome.AppendedEntries,
            ["widenedLdc"] = outcome.WidenedLdc,
            ["methodsWithWidenedLdc"] = methods,
            ["estimatedBytes"] = outcome.EstimatedBytes,
            ["worstMethodWidenedLdc"] = worst.WidenedLdc,
            ["worstMethodS"] = worst.S,
        };
        var descriptor = outcome.EstimatedBytes >= ErrorBytes ? CostlyRule : Rule;
        var location = context.CreateLocation() with { Member = worst.Name, MemberDescriptor = worst.Descriptor };
        context.Report(descriptor, location, properties, $"pair:widened={outcome.WidenedLdc}",
            context.ClassName, dump.Location, outcome.IndexMapLength, outcome.WidenedLdc, methods, Bytes.Format(outcome.EstimatedBytes), profile);
    }
}
