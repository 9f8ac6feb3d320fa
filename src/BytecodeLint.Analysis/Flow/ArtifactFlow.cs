using System.Collections.Concurrent;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// The one model of an artifact's code that every rule shares (BL0002, the agent rules, later rules):
/// class hierarchy, method facts and call graphs, built on demand and once. A rule asks for it from
/// its artifact-start action (<see cref="Of(ArtifactStartContext)"/>) and states what it needs in depth
/// (<see cref="Require"/>); during the visit each class is read once for all rules — in depth when some
/// rule's demand selects it, otherwise as a hierarchy stub — and at the end each rule gets a
/// <see cref="DemandCallGraph"/> over its own selection (<see cref="Graph"/>). Classes a graph later reads
/// again (rounds 2 and 3) are read once per artifact: facts another rule already holds are reused.
/// </summary>
public sealed partial class ArtifactFlow
{
    /// <summary>Demands one artifact can hold (one bit each in a class's selection mask).</summary>
    public const int MaxDemands = 64;

    private readonly List<CallGraphDemand> _demands = [];
    private readonly ConcurrentDictionary<string, string> _interner;
    private readonly ConcurrentBag<FlowClass> _classes = [];
    private readonly ConcurrentDictionary<ClassEntry, ClassFacts?> _readAtEnd = new();
    private readonly Dictionary<FlowDemand, DemandCallGraph> _graphs = [];
    private Dictionary<ClassEntry, FlowClass>? _byEntry;
    private volatile bool _visiting;

    private ArtifactFlow(ArtifactStartContext start)
    {
        // Sized for the class names (each class's own, its superclass, its interfaces): growing the table
        // step by step was ~1 % of a scan of kotlin-compiler (22k classes).
        _interner = new(Environment.ProcessorCount, Math.Max(31, start.Artifact.ClassEntries.Count * 2), StringComparer.Ordinal);
        start.RegisterClassAction(Visit);
    }

    /// <summary>The artifact's flow, created (and its class visit registered) by the first rule that asks.</summary>
    public static ArtifactFlow Of(ArtifactStartContext start) => start.Services.GetOrAdd(() => new ArtifactFlow(start));

    /// <summary>The artifact's flow at its end; a rule must have asked for it at the start.</summary>
    public static ArtifactFlow Of(ArtifactEndContext end) =>
        end.Services.Get<ArtifactFlow>() ?? throw new InvalidOperationException("ArtifactFlow.Of(ArtifactStartContext) was not called for this artifact");

    /// <summary>Adds what a rule needs in depth; only from an artifact-start action (before the visit).</summary>
    public FlowDemand Require(CallGraphDemand demand)
    {
        if (_visiting) throw new InvalidOperationException("demands are stated at artifact start, before the classes are visited");
        lock (_demands)
        {
            if (_demands.Count == MaxDemands) throw new InvalidOperationException($"more than {MaxDemands} flow demands for one artifact");
            _demands.Add(demand);
            return new FlowDemand(_demands.Count - 1, demand);
        }
    }

    private void Visit(ClassAnalysisContext context)
    {
        _visiting = true;
        if (_demands.Count == 0) return;
        string name = ClassReadCache.ClassName(context.Class.ConstantPool, context.Class.ThisClass, _interner);
        ulong selected = 0;
        for (int i = 0; i < _demands.Count; i++)
            if (_demands[i].Selects(context, name)) selected |= 1UL << i;
        ulong all = _demands.Count == MaxDemands ? ulong.MaxValue : (1UL << _demands.Count) - 1;
        var facts = selected != 0 ? CallGraphCollector.Read(context, _interner) : null;
        var stub = selected != all ? ClassStub.Read(context, name, _interner) : null;
        _classes.Add(new FlowClass(context.Entry, selected, facts, stub));
    }

    /// <summary>The classes the demand selected during the visit, with their facts, in no particular order.</summary>
    public IEnumerable<(ClassEntry Entry, ClassFacts Facts)> Selected(FlowDemand demand) =>
        _classes.Where(c => c.IsSelectedBy(demand)).Select(c => (c.Entry, c.Facts!));

    /// <summary>
    /// The demand's call graph: its selected classes in depth, the rest as stubs, round 2 done (see
    /// <see cref="DemandCallGraphCollector"/>). Built at the first call, the same object afterwards.
    /// </summary>
    public DemandCallGraph Graph(FlowDemand demand, ArtifactEndContext end)
    {
        lock (_graphs)
        {
            if (_graphs.TryGetValue(demand, out var graph)) return graph;
            var read = _classes.Where(c => c.IsSelectedBy(demand)).Select(c => c.Facts!);
            var stubs = _classes.Where(c => !c.IsSelectedBy(demand)).Select(c => c.Stub!);
            graph = new DemandCallGraph(demand.Demand, read, stubs, stub => ReadInDepth(stub, end), end.CancellationToken);
            _graphs[demand] = graph;
            return graph;
        }
    }

    /// <summary>The facts of a class a graph holds as a stub: those another demand read during the visit, else read again once.</summary>
    private ClassFacts? ReadInDepth(ClassStub stub, ArtifactEndContext end)
    {
        // Only classes some demand read are worth finding here (kotlin-compiler: ~100 of 22k).
        var byEntry = LazyInitializer.EnsureInitialized(ref _byEntry, () =>
        {
            var map = new Dictionary<ClassEntry, FlowClass>();
            foreach (var c in _classes)
                if (c.Facts is not null) map.TryAdd(c.Entry, c);
            return map;
        });
        if (byEntry.TryGetValue(stub.Entry, out var known) && known.Facts is { } facts) return facts;
        // A class that cannot be read again (reported as BL9001 by RevisitClass) stays a stub.
        return _readAtEnd.GetOrAdd(stub.Entry, entry => end.RevisitClass(entry, c => CallGraphCollector.Read(c, _interner)));
    }

    private sealed record FlowClass(ClassEntry Entry, ulong SelectedBy, ClassFacts? Facts, ClassStub? Stub)
    {
        public bool IsSelectedBy(FlowDemand demand) => (SelectedBy & (1UL << demand.Index)) != 0;
    }
}

/// <summary>A demand stated to an <see cref="ArtifactFlow"/>: the handle a rule gets its graph with.</summary>
public sealed class FlowDemand
{
    internal FlowDemand(int index, CallGraphDemand demand)
    {
        Index = index;
        Demand = demand;
    }

    internal int Index { get; }

    public CallGraphDemand Demand { get; }
}
