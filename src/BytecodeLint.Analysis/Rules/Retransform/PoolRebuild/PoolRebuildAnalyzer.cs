using System.Collections.Immutable;
using System.Globalization;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>
/// BL0002 — an enhancer rebuilds the constant pool of the classes it rewrites (docs/design/hotspot.md §3).
/// Finds writers that start an empty pool — ASM <c>new ClassWriter(flags)</c>, a subclass whose
/// constructor ends there or passes a null reader (Arthas 3.3.1–3.4.1), the ClassFile API with
/// <c>NEW_POOL</c> or <c>ClassFile.build</c> of a parsed class, Javassist <c>setBody</c> and friends —
/// but only when the content of an existing class flows into them (<see cref="PoolRebuildFlow"/>).
/// Error when the site is reachable from a <c>ClassFileTransformer.transform</c> of the artifact,
/// warning otherwise (JVM upcalls such as JFR's, or transformers in another jar, can still run it).
/// </summary>
public sealed class PoolRebuildAnalyzer : BytecodeAnalyzer
{
    public const string Id = RuleIds.PoolRebuild;

    private const string Title = "Enhancer rebuilds the constant pool of the classes it rewrites";

    private const string MessageFormat =
        "{0} (line {1}) rewrites the bytes of an existing class with {2}, which numbers a brand-new constant pool; {3}. Each retransform through it makes HotSpot remap every constant and widen 1-byte ldc (java.lang.String on JDK 17: 1,474 remapped entries, 21 widened ldc); fix: {4}";

    private const string Description =
        "When a retransformed class comes back with a constant pool numbered from scratch, HotSpot's merge maps almost every old index to a new one, rewrites every constant reference in every method and widens each 1-byte ldc whose constant moved above 255, cloning the method and its StackMapTable once per widening. Building the writer on the original ClassReader (new ClassWriter(classReader, flags)) copies the pool, the index map stays empty and nothing is rewritten.";

    /// <summary>The rule as declared: error, the severity of a site reachable from a ClassFileTransformer.</summary>
    public static readonly DiagnosticDescriptor Rule = new(Id, Title, MessageFormat, Categories.Retransform, Severity.Error, IsEnabledByDefault: true, Description);

    /// <summary>The same rule at warning, for sites no transformer of the artifact reaches; configuration by id applies to both.</summary>
    public static readonly DiagnosticDescriptor UnreachedRule = Rule with { DefaultSeverity = Severity.Warning };

    /// <summary>Every descriptor BL0002 reports: writer sites (reached, unreached) and pair mode (<see cref="PoolRebuildPairs"/>).</summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule, UnreachedRule, PoolRebuildPairs.Rule, PoolRebuildPairs.CostlyRule];

    public override void Initialize(AnalyzerRegistration registration)
    {
        var resolution = new PoolRebuildResolution(FollowPolymorphicFactories, FollowFields, RecogniseWriterSubclasses);
        registration.RegisterArtifactStartAction(start => DemandCallGraphCollector.Register(start, Demand, (end, graph) => Analyze(end, graph, resolution)));
        registration.RegisterClassAction(PoolRebuildPairs.Analyze);
    }

    /// <summary>
    /// Facts only for classes that name an API the flow follows and their seed-type relatives; the
    /// rest of the artifact is hierarchy until a finding needs the transformers' call paths.
    /// </summary>
    public static readonly CallGraphDemand Demand = new((c, name) => PoolRebuildGate.Selects(c.Class, name), PoolRebuildGate.IsSeedType);

    private static List<MethodFacts> Transforms(ArtifactCallGraph graph) =>
        graph.ImplementationsOf(PoolRebuildApis.TransformerInterface, "transform", d => d.EndsWith(")[B", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Follow filling back through calls with several targets into the visitors they build
    /// (<see cref="PoolRebuildResolution.PolymorphicFactories"/>); off only to show in tests what it finds.
    /// </summary>
    internal bool FollowPolymorphicFactories { get; init; } = true;

    /// <summary>Follow values across methods through fields (<see cref="PoolRebuildResolution.Fields"/>); off only in tests.</summary>
    internal bool FollowFields { get; init; } = true;

    /// <summary>
    /// Recognise the artifact's subclasses of ASM's writer and classify them by their constructor chain
    /// (<see cref="PoolRebuildResolution.WriterSubclasses"/>); off only in tests.
    /// </summary>
    internal bool RecogniseWriterSubclasses { get; init; } = true;

    private static void Analyze(ArtifactEndContext context, DemandCallGraph demand, PoolRebuildResolution resolution)
    {
        var graph = demand.Graph;
        var asm = new PoolRebuildAsm(graph, resolution.WriterSubclasses);
        bool Include(MethodFacts m)
        {
            var owner = m.Method.Owner;
            return !asm.IsLibrary(owner) && !PoolRebuildApis.IsJavassist(owner) && !PoolRebuildApis.IsClassFileApi(owner);
        }

        var candidates = FindCandidates(graph, asm, Include).ToList();
        if (candidates.Count == 0) return;

        var flow = new PoolRebuildFlow(graph, asm, Include, resolution);
        var findings = candidates.Where(site => site.RewritesExisting(flow) && !site.DefinesNewClass(flow)).ToList();
        if (findings.Count == 0) return;

        // Error or warning depends on the transformers' call paths: read every class they call into.
        graph = demand.WithCallPathsFrom(Transforms);
        var transforms = Transforms(graph).Where(Include).ToList();
        var reach = graph.ReachableFrom(transforms, Include);
        foreach (var site in findings)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            bool reached = reach.TryGetValue(site.Method, out var how);
            if (site.Kind == SiteKind.Javassist && !reached) continue; // Javassist is mostly build-time tooling: only its retransform path counts
            Report(context, graph, site, reached ? how : null, reached ? Reach.PathTo(reach, site.Method) : [], transforms.Count);
        }
    }

    private static void Report(ArtifactEndContext context, ArtifactCallGraph graph, Site site, Reach? reach, IReadOnlyList<MethodFacts> path, int transformCount)
    {
        var @class = graph.OwnerOf(site.Method);
        var location = @class.LocationAt(site.Method.Method, site.Pc, site.Line);
        string where = reach is { } r
            ? r.Calls == 0
                ? "it runs in ClassFileTransformer.transform itself"
                : $"it is reachable from ClassFileTransformer.transform ({r.Root.Method.DisplayName}, {r.Calls} call{(r.Calls == 1 ? "" : "s")} away: {PathText(path)})"
            : "no ClassFileTransformer.transform in this artifact reaches it, but a JVM upcall or a transformer in another jar can";
        var properties = new Dictionary<string, double>
        {
            ["line"] = site.Line,
            ["bytecodeOffset"] = site.Pc,
            ["reachableFromTransform"] = reach is null ? 0 : 1,
            ["callsFromTransform"] = reach?.Calls ?? -1,
            ["constructorChainLength"] = site.ChainLength,
            ["transformImplementations"] = transformCount,
        };
        var descriptor = reach is null ? UnreachedRule : Rule;
        context.Report(descriptor, location, properties, site.Evidence,
            site.Method.Method.DisplayName, site.Line > 0 ? site.Line.ToString(CultureInfo.InvariantCulture) : "unknown", site.What, where, site.Fix);
    }

    /// <summary>The call path for the message: every method when short, else the first two, an ellipsis and the last two.</summary>
    private static string PathText(IReadOnlyList<MethodFacts> path)
    {
        var names = path.Select(m => m.Method.DisplayName).ToList();
        if (names.Count > 6) names = [.. names.Take(2), "…", .. names.TakeLast(2)];
        return string.Join(" → ", names);
    }

    // ------------------------------------------------------------------ candidate sites

    private enum SiteKind
    {
        Asm,
        ClassFileNewPool,
        ClassFileBuild,
        Javassist,
    }

    /// <summary>A place that would build a fresh pool; <see cref="RewritesExisting"/> decides whether existing class content reaches it.</summary>
    private sealed record Site(SiteKind Kind, MethodFacts Method, int Pc, int Line, ValueRef Object, ValueRef[] Held, string What, string Fix, string Evidence, int ChainLength)
    {
        public bool RewritesExisting(PoolRebuildFlow flow) => Kind switch
        {
            SiteKind.Asm or SiteKind.ClassFileNewPool => flow.IsFilled(Method, Object),
            _ => flow.HoldsExisting(Method, Held),
        };

        /// <summary>
        /// The writer's <c>toByteArray()</c> in the same method goes to <c>defineClass</c>: an existing class
        /// used as a template for a new one (Groovy's SunClassLoader, java.lang.Module's module-info
        /// class), which no retransform merges.
        /// </summary>
        public bool DefinesNewClass(PoolRebuildFlow flow)
        {
            if (Kind != SiteKind.Asm) return false;
            for (int ci = 0; ci < Method.Calls.Count; ci++)
            {
                var call = Method.Calls[ci];
                if (call.Target.Name == "toByteArray" && call.Receiver.Contains(Object)
                    && flow.FlowsToClassDefinition(Method, new ValueRef(ValueKind.CallResult, ci)))
                    return true;
            }
            return false;
        }
    }

    private const string AsmFix = "new ClassWriter(classReader, flags) with the ClassReader that parsed the class, so ASM copies its pool and only appends";
    private const string ClassFileFix = "ClassFile.of() with the default SHARED_POOL and classFile.transformClass(model, transform), which extends the model's pool";
    private const string JavassistFix = "edit with insertBefore/insertAfter/instrument, which keep the pool, or rewrite with ASM's new ClassWriter(classReader, flags)";

    private static IEnumerable<Site> FindCandidates(ArtifactCallGraph graph, PoolRebuildAsm asm, Func<MethodFacts, bool> include)
    {
        foreach (var (_, m) in graph.Methods)
        {
            if (!include(m)) continue;
            for (int k = 0; k < m.Allocations.Count; k++)
            {
                var allocation = m.Allocations[k];
                if (allocation.Kind != AllocationKind.Object || allocation.ConstructorCall < 0 || !asm.IsWriterType(allocation.ClassName)) continue;
                var constructor = m.Calls[allocation.ConstructorCall];
                var (start, chain) = asm.Classify(allocation.ClassName, constructor.Target.Descriptor, constructor.Arguments);
                if (start != PoolStart.Fresh) continue;
                string last = chain[^1];
                bool viaNull = !(last.EndsWith("(int)", StringComparison.Ordinal) || last.EndsWith("(boolean)", StringComparison.Ordinal) || last.EndsWith("(boolean, boolean)", StringComparison.Ordinal));
                string what = "new " + string.Join(" → ", chain) + (viaNull ? " with a null ClassReader" : "");
                yield return new Site(SiteKind.Asm, m, allocation.Pc, allocation.Line, new ValueRef(ValueKind.Allocation, k), [], what, AsmFix,
                    $"asm-fresh-writer:{allocation.ClassName}{constructor.Target.Descriptor}", chain.Count);
            }
            for (int ci = 0; ci < m.Calls.Count; ci++)
            {
                var call = m.Calls[ci];
                if (PoolRebuildApis.IsClassFileOptions(call.Target) && call.Arguments.Any(a => NamesNewPool(m, a)))
                    yield return new Site(SiteKind.ClassFileNewPool, m, call.Pc, call.Line, new ValueRef(ValueKind.CallResult, ci), [],
                        $"ClassFile.{call.Target.Name}(… ConstantPoolSharingOption.NEW_POOL …)", ClassFileFix, "classfile-new-pool:" + call.Target.Name, 0);
                else if (PoolRebuildApis.IsClassFileBuild(call.Target) && call.Arguments.Length >= 3 && !UsesSharedPool(m, call))
                    yield return new Site(SiteKind.ClassFileBuild, m, call.Pc, call.Line, default, call.Arguments[^1],
                        "ClassFile.build(…) copying elements of a parsed class", ClassFileFix, "classfile-build:" + call.Target.Descriptor, 0);
                else if (PoolRebuildApis.IsJavassistRebuild(call.Target))
                    yield return new Site(SiteKind.Javassist, m, call.Pc, call.Line, default, call.Receiver,
                        $"Javassist {PoolRebuildAsm.Simple(call.Target.Owner)}.{call.Target.Name}, after which toBytecode() writes a compacted pool", JavassistFix,
                        $"javassist:{PoolRebuildAsm.Simple(call.Target.Owner)}.{call.Target.Name}", 0);
            }
        }
    }

    /// <summary>The value is, or is an array holding, <c>ConstantPoolSharingOption.NEW_POOL</c>.</summary>
    private static bool NamesNewPool(MethodFacts m, ValueRef[] values)
    {
        foreach (var v in values)
        {
            if (v.Kind == ValueKind.Field && PoolRebuildApis.IsNewPoolOption(m.Fields[v.Index])) return true;
            if (v.Kind == ValueKind.Allocation && m.Allocations[v.Index].Kind == AllocationKind.Array
                && m.Allocations[v.Index].Contents.Any(e => e.Kind == ValueKind.Field && PoolRebuildApis.IsNewPoolOption(m.Fields[e.Index])))
                return true;
        }
        return false;
    }

    /// <summary><c>build(entry, ConstantPoolBuilder.of(model), handler)</c> extends the model's pool.</summary>
    private static bool UsesSharedPool(MethodFacts m, CallSite build) =>
        build.Arguments.Any(a => a.Any(v => v.Kind == ValueKind.CallResult && PoolRebuildApis.IsSharedPoolBuilder(m.Calls[v.Index].Target)));
}
