using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>
/// BL0002's pair mode (<c>scan --transformed DIR_OR_JAR</c>): class dumps written by an agent (Arthas
/// <c>-Darthas.dump</c>, Byte Buddy's <c>net.bytebuddy.dump</c>, a transformer's own dump folder) are
/// matched by class name with the classes of the scanned inputs, and each pair is merged the way
/// <c>VM_RedefineClasses</c> would (docs/design/hotspot.md §1, <see cref="HotSpotModel.Merge(JavaClass, JavaClass, JdkProfile, bool)"/>).
/// A pair is reported when the transformed class's constant-pool layout drifted enough to widen
/// 1-byte <c>ldc</c>: from a pair the widened count is exact, not a what-if (docs/design/hotspot.md §4).
/// </summary>
public static class TransformedComparison
{
    /// <summary>The pair-mode finding: BL0002 with a message about the measured drift.</summary>
    public static readonly DiagnosticDescriptor Rule = PoolRebuildAnalyzer.Rule with
    {
        MessageFormat = "The transformed {0} from {1} renumbers its constant pool (index map of {2} entries); retransforming it widens {3} ldc in {4} method(s), ~{5} of Metaspace per retransform on {6}; build the writer on the original ClassReader to keep the pool",
        DefaultSeverity = Severity.Warning,
    };

    /// <summary>Above this estimate the pair finding is an error (BL0003's default threshold, 64 MiB).</summary>
    public const double ErrorBytes = ExpensiveWideningAnalyzer.DefaultThresholdMiB * 1024 * 1024;

    public sealed record Result(IReadOnlyList<Diagnostic> Diagnostics, int TransformedClasses, int Pairs, int Unmatched);

    public static Result Compare(IReadOnlyList<string> originals, string transformedPath, AnalyzerOptions options, InputLimits? limits = null)
    {
        if (options.EffectiveSeverity(Rule) is null) return new Result([], 0, 0, 0); // BL0002 disabled by configuration
        var profile = JdkProfile.For(options.TargetJdk);
        using var transformed = Artifact.Open(transformedPath, limits);
        var dumps = ReadDumps(transformed, out var problems);
        var diagnostics = new List<Diagnostic>(problems);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        int pairs = 0;
        foreach (var input in originals)
        {
            using var artifact = Artifact.Open(input, limits);
            foreach (var entry in artifact.ClassEntries)
            {
                if (entry.Release is not null) continue; // versioned copies are not what the JVM loaded by default
                string name = entry.EntryPath.EndsWith(".class", StringComparison.Ordinal) ? entry.EntryPath[..^6] : entry.EntryPath;
                name = StripClassFolder(name, dumps);
                if (!dumps.TryGetValue(name, out var dump)) continue;
                using var bytes = entry.Read();
                if (bytes.Span.SequenceEqual(dump.Bytes)) { matched.Add(name); continue; }
                JavaClass original;
                try { original = JavaClass.Parse(bytes.Memory); }
                catch (ClassFormatException) { continue; } // the scan itself reports unreadable originals (BL9001)
                if (original.Name != name) continue;
                matched.Add(name);
                pairs++;
                var outcome = HotSpotModel.Merge(original, dump.Class, profile);
                if (outcome.WidenedLdc == 0) continue;
                diagnostics.Add(Report(artifact, entry, original, dump, outcome, profile, options));
            }
        }
        return new Result(diagnostics, dumps.Count, pairs, dumps.Count - matched.Count);
    }

    private sealed record Dump(string Location, byte[] Bytes, JavaClass Class);

    /// <summary>Transformed classes by internal name; dumps are small, so their bytes are copied and kept.</summary>
    private static Dictionary<string, Dump> ReadDumps(Artifact transformed, out List<Diagnostic> problems)
    {
        problems = [];
        var dumps = new Dictionary<string, Dump>(StringComparer.Ordinal);
        foreach (var entry in transformed.ClassEntries)
        {
            try
            {
                using var bytes = entry.Read();
                var copy = bytes.Span.ToArray();
                var parsed = JavaClass.Parse(copy);
                dumps.TryAdd(parsed.Name, new Dump(entry.Location, copy, parsed));
            }
            catch (Exception e) when (e is ClassFormatException or EntryReadException)
            {
                long offset = e is ClassFormatException c ? c.Offset : ((EntryReadException)e).Offset ?? 0;
                problems.Add(InputDiagnostics.Unreadable(transformed.InputPath, entry.Location, offset, e.Message));
            }
        }
        return dumps;
    }

    /// <summary>WAR and Spring Boot layouts keep classes under a folder; match <c>WEB-INF/classes/com/Foo</c> to <c>com/Foo</c>.</summary>
    private static string StripClassFolder(string path, Dictionary<string, Dump> dumps)
    {
        if (dumps.ContainsKey(path)) return path;
        foreach (var prefix in (string[])["BOOT-INF/classes/", "WEB-INF/classes/", "classes/"])
            if (path.StartsWith(prefix, StringComparison.Ordinal)) return path[prefix.Length..];
        return path;
    }

    private static Diagnostic Report(Artifact artifact, ClassEntry entry, JavaClass original, Dump dump, MergeOutcome outcome, JdkProfile profile, AnalyzerOptions options)
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
        string className = original.Name.Replace('/', '.');
        var location = new DiagnosticLocation(artifact.InputPath, entry.Location, className, worst.Name, worst.Descriptor, SourceFile: original.SourceFile);
        var diagnostic = Diagnostic.Create(Rule, location, properties, $"pair:widened={outcome.WidenedLdc}",
            className, dump.Location, outcome.IndexMapLength, outcome.WidenedLdc, methods, Bytes.Format(outcome.EstimatedBytes), profile);
        if (outcome.EstimatedBytes >= ErrorBytes) diagnostic = diagnostic with { Severity = Severity.Error };
        // A configured severity for BL0002 applies to the pair findings too.
        if (options.SeverityOverrides.TryGetValue(Rule.Id, out var configured) && configured is { } severity)
            diagnostic = diagnostic with { Severity = severity };
        return diagnostic;
    }
}
