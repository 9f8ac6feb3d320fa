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
    private readonly ClassFacts[] _read; // in ArtifactCallGraph.CompareByName order
    private readonly ClassStub[] _stubs; // in the same order, by their facts
    private readonly ClassFacts[] _classes; // a stub's slot is replaced by its facts once read (same name and entry: the order holds)
    private readonly bool[] _done;
    private readonly Dictionary<string, (int First, int Count)> _stubIndex; // a name's stubs are adjacent

    // Round 3 state, kept across rounds (and calls): the methods reached so far, and those whose calls
    // may resolve to more targets once the classes the last round asked for are read.
    private readonly HashSet<MethodFacts> _reached = [];
    private List<MethodFacts> _unresolved = [];

    internal DemandCallGraph(CallGraphDemand demand, IEnumerable<ClassFacts> read, IEnumerable<ClassStub> stubs, Func<ClassStub, ClassFacts?> readInDepth, CancellationToken cancellation)
    {
        _readInDepth = readInDepth;
        _cancellation = cancellation;
        // Sorted once here (kotlin-compiler: 22k stubs); every graph built from them takes them in this order.
        _read = [.. read];
        Array.Sort(_read, ArtifactCallGraph.CompareByName);
        _stubs = [.. stubs];
        Array.Sort(_stubs, (a, b) => ArtifactCallGraph.CompareByName(a.Facts, b.Facts));
        _classes = new ClassFacts[_stubs.Length];
        _stubIndex = new(_stubs.Length, StringComparer.Ordinal);
        for (int i = 0; i < _stubs.Length; i++)
        {
            _classes[i] = _stubs[i].Facts;
            string name = _stubs[i].Facts.Name;
            _stubIndex[name] = _stubIndex.TryGetValue(name, out var run) ? (run.First, run.Count + 1) : (i, 1);
        }
        _done = new bool[_stubs.Length];
        // Round 2: subtypes of the seed types, and the classes naming one of them.
        var seedSubtypes = SeedSubtypes(Merged(), demand.IsSeedType);
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

    private ArtifactCallGraph Build() => new(Merged());

    /// <summary>The read classes and the stub slots merged in <see cref="ArtifactCallGraph.CompareByName"/> order (both are sorted).</summary>
    private ClassFacts[] Merged()
    {
        var merged = new ClassFacts[_read.Length + _classes.Length];
        int r = 0, c = 0, m = 0;
        while (r < _read.Length && c < _classes.Length)
            merged[m++] = ArtifactCallGraph.CompareByName(_read[r], _classes[c]) <= 0 ? _read[r++] : _classes[c++];
        while (r < _read.Length) merged[m++] = _read[r++];
        while (c < _classes.Length) merged[m++] = _classes[c++];
        return merged;
    }

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
            if (!_stubIndex.TryGetValue(name, out var run)) return false;
            for (int i = run.First; i < run.First + run.Count; i++)
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
    /// <param name="classes">In <see cref="ArtifactCallGraph.CompareByName"/> order: a name's definitions are adjacent, in entry order.</param>
    private static HashSet<string> SeedSubtypes(ClassFacts[] classes, SimpleNameTest isSeedType)
    {
        // Every definition of a duplicated name counts (related if any is), in entry order, so the
        // answer does not depend on the order the classes were visited in.
        var byName = new Dictionary<string, (int First, int Count)>(classes.Length, StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++)
            byName[classes[i].Name] = byName.TryGetValue(classes[i].Name, out var run) ? (run.First, run.Count + 1) : (i, 1);
        // One memoised walk up the hierarchy for all classes; a class on the current path counts as
        // "no" so that a (hostile) cycle ends.
        // The recursion is bounded (ArtifactCallGraph.MaxHierarchyDepth): a hostile jar can chain tens
        // of thousands of classes, which would overflow the stack.
        var memo = new Dictionary<string, bool>(byName.Count, StringComparer.Ordinal);
        bool Related(string name, int depth)
        {
            if (memo.TryGetValue(name, out bool known)) return known;
            memo[name] = false;
            bool related = isSeedType(Simple(name));
            if (!related && depth < ArtifactCallGraph.MaxHierarchyDepth && byName.TryGetValue(name, out var definitions))
                for (int d = definitions.First; d < definitions.First + definitions.Count; d++)
                {
                    var c = classes[d];
                    if (!related && c.SuperName is { } super) related = Related(super, depth + 1);
                    foreach (var i in c.Interfaces)
                        if (!related) related = Related(i, depth + 1);
                }
            return memo[name] = related;
        }
        var result = new HashSet<string>(StringComparer.Ordinal);
        // In name order: with a (hostile) superclass cycle or a cut chain the answer depends on where the walk starts.
        for (int i = 0; i < classes.Length; i++)
            if ((i == 0 || classes[i - 1].Name != classes[i].Name) && Related(classes[i].Name, 0)) result.Add(classes[i].Name);
        return result;
    }

    private static ReadOnlySpan<char> Simple(string name) => name.AsSpan(name.LastIndexOf('/') + 1);
}
