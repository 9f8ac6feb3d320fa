using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Flow;

/// <summary>The graph of <see cref="DemandCallGraphCollector"/>: rounds 1 and 2 done, round 3 on request.</summary>
public sealed class DemandCallGraph
{
    /// <summary>Virtual calls whose owner has more subtypes than this do not pull the subtypes in (as <c>PoolRebuildFlow.MaxTargets</c>).</summary>
    public const int MaxSubtypes = 64;

    /// <summary>Rounds of the root closure; each reads the next layer of callees.</summary>
    private const int MaxRounds = 64;

    private readonly Func<ClassStub, ClassFacts?> _readInDepth;
    private readonly CancellationToken _cancellation;
    private readonly List<ClassFacts> _read;
    private readonly ClassStub[] _stubs;
    private readonly ClassFacts[] _classes; // a stub's slot is replaced by its facts once read
    private readonly bool[] _done;
    private readonly ILookup<string, int> _stubIndex;

    // Round 3 state, kept across rounds (and calls): the methods reached so far, and those whose calls
    // may resolve to more targets once the classes the last round asked for are read.
    private readonly HashSet<MethodFacts> _reached = [];
    private List<MethodFacts> _unresolved = [];

    internal DemandCallGraph(CallGraphDemand demand, IEnumerable<ClassFacts> read, IEnumerable<ClassStub> stubs, Func<ClassStub, ClassFacts?> readInDepth, CancellationToken cancellation)
    {
        _readInDepth = readInDepth;
        _cancellation = cancellation;
        _read = [.. read];
        _stubs = stubs.OrderBy(s => s.Facts.Name, StringComparer.Ordinal).ThenBy(s => s.Entry.Location, StringComparer.Ordinal).ToArray();
        _classes = _stubs.Select(s => s.Facts).ToArray();
        _done = new bool[_stubs.Length];
        _stubIndex = Enumerable.Range(0, _stubs.Length).ToLookup(i => _stubs[i].Facts.Name, StringComparer.Ordinal);
        // Round 2: subtypes of the seed types, and the classes naming one of them.
        var seedSubtypes = SeedSubtypes(_read.Concat(_classes), demand.IsSeedType);
        var hashes = seedSubtypes.Select(ClassStub.NameHash).ToHashSet();
        var pending = new List<int>();
        for (int i = 0; i < _stubs.Length; i++)
            if (seedSubtypes.Contains(_stubs[i].Facts.Name) || _stubs[i].NamesAny(hashes)) pending.Add(i);
        if (pending.Count > 0) Revisit(pending);
        Graph = Build();
    }

    /// <summary>The graph as far as it has been read.</summary>
    public ArtifactCallGraph Graph { get; private set; }

    /// <summary>
    /// Round 3: reads every stub class that methods reachable from the roots may call into, layer by
    /// layer, and returns the graph with them (also <see cref="Graph"/> from then on). The method facts
    /// of the earlier graph are the same objects in the new one.
    /// </summary>
    public ArtifactCallGraph WithCallPathsFrom(Func<ArtifactCallGraph, IEnumerable<MethodFacts>> roots)
    {
        for (int round = 0; round < MaxRounds; round++)
        {
            var pending = Callees(roots(Graph));
            if (pending.Count == 0) break;
            Revisit(pending);
            Graph = Build();
        }
        return Graph;
    }

    private ArtifactCallGraph Build() => new(_read.Concat(_classes));

    /// <summary>
    /// Stub classes (not yet read) that calls of methods reachable from the roots may run. The reach is
    /// extended, not recomputed: a call's targets change only when a class it names (the owner's
    /// superclass chain, the owner's subtypes) is read, so only the methods reached for the first
    /// time, those that wanted a class last round, and those with a call into more than
    /// <see cref="MaxSubtypes"/> subtypes (which other calls may read) are resolved again.
    /// Recomputing the whole reach on each round's new graph cost seconds on a 2,000-class jar whose
    /// transformer reaches most of it in 18 rounds (OpenJPA).
    /// </summary>
    private List<int> Callees(IEnumerable<MethodFacts> roots)
    {
        var result = new SortedSet<int>();
        bool Want(string name)
        {
            bool wanted = false;
            foreach (int i in _stubIndex[name])
                if (!_done[i])
                {
                    result.Add(i);
                    wanted = true;
                }
            return wanted;
        }
        var queue = new Queue<MethodFacts>(_unresolved);
        foreach (var root in roots)
            if (_reached.Add(root)) queue.Enqueue(root);
        var unresolved = new List<MethodFacts>();
        while (queue.Count > 0)
        {
            var method = queue.Dequeue();
            bool wanted = false;
            foreach (var call in method.Calls)
            {
                if (call.LambdaImplementation is { } lambda) wanted |= Want(lambda.Owner);
                else
                {
                    // The declaration may be inherited from a superclass, and a virtual call may run an override below the owner.
                    foreach (var c in Graph.SuperclassChain(call.Target.Owner)) wanted |= Want(c.Name);
                    if (call.Opcode is Opcode.Invokevirtual or Opcode.Invokeinterface)
                    {
                        var subtypes = Graph.SubtypesOf(call.Target.Owner);
                        if (subtypes.Count <= MaxSubtypes)
                            foreach (var sub in subtypes) wanted |= Want(sub);
                        else wanted = true; // not read for this call, but its targets grow as other calls read those subtypes
                    }
                }
                foreach (var callee in Graph.Resolve(call))
                    if (_reached.Add(callee)) queue.Enqueue(callee);
            }
            if (wanted) unresolved.Add(method);
        }
        _unresolved = unresolved;
        return [.. result];
    }

    private void Revisit(List<int> pending)
    {
        var options = new ParallelOptions { CancellationToken = _cancellation };
        Parallel.ForEach(pending, options, i =>
        {
            _done[i] = true;
            // A class that cannot be read again stays a stub (ArtifactFlow reports it as BL9001).
            if (_readInDepth(_stubs[i]) is { } facts) _classes[i] = facts;
        });
    }

    /// <summary>Classes of the artifact that are, or extend or implement (transitively), a type whose simple name is a seed.</summary>
    private static HashSet<string> SeedSubtypes(IEnumerable<ClassFacts> classes, Func<string, bool> isSeedType)
    {
        // Every definition of a duplicated name counts (related if any is): the classes arrive in
        // visit order, which varies from run to run, so "the first one" would not be deterministic.
        var byName = new Dictionary<string, List<ClassFacts>>(StringComparer.Ordinal);
        foreach (var c in classes)
        {
            if (!byName.TryGetValue(c.Name, out var list)) byName[c.Name] = list = [];
            list.Add(c);
        }
        foreach (var list in byName.Values) list.Sort((a, b) => string.CompareOrdinal(a.Location.Entry, b.Location.Entry));
        // One memoised walk up the hierarchy for all classes; a class on the current path counts as
        // "no" so that a (hostile) cycle ends.
        // The recursion is bounded (ArtifactCallGraph.MaxHierarchyDepth): a hostile jar can chain tens
        // of thousands of classes, which would overflow the stack.
        var memo = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Related(string name, int depth)
        {
            if (memo.TryGetValue(name, out bool known)) return known;
            memo[name] = false;
            bool related = isSeedType(Simple(name));
            if (!related && depth < ArtifactCallGraph.MaxHierarchyDepth && byName.GetValueOrDefault(name) is { } definitions)
                foreach (var c in definitions)
                {
                    if (!related && c.SuperName is { } super) related = Related(super, depth + 1);
                    foreach (var i in c.Interfaces)
                        if (!related) related = Related(i, depth + 1);
                }
            return memo[name] = related;
        }
        var result = new HashSet<string>(StringComparer.Ordinal);
        // In name order: with a (hostile) superclass cycle or a cut chain the answer depends on where the walk starts.
        foreach (var name in byName.Keys.Order(StringComparer.Ordinal))
            if (Related(name, 0)) result.Add(name);
        return result;
    }

    private static string Simple(string name) => name[(name.LastIndexOf('/') + 1)..];
}
