using BytecodeLint.Analysis.Flow;

namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>
/// Which objects carry the content of an existing class ("existing" below), over the whole artifact.
/// <list type="number">
/// <item>Sources: every ClassReader (it parses class bytes it was handed: a parameter, a field, a
/// stream), the model of <c>ClassFile.parse</c>, a Javassist <c>CtClass</c> read from a pool or stream.</item>
/// <item>Values flow forward: argument → parameter, returned value → call result, stored value →
/// field (per owner and name, not per object).</item>
/// <item>An <c>accept</c> on an existing reader or ClassNode <em>fills</em> its visitor argument, and
/// <c>ClassFile.transformClass</c> fills its ClassFile with the existing model. Filling goes backward
/// from the argument to every object that can reach it (through parameters, returns and fields)
/// and into the objects a visitor wraps (its constructor arguments): <c>reader.accept(new
/// Adapter(writer))</c> fills the writer. Filled objects become existing too (a ClassNode filled by
/// a reader), and the two steps repeat until nothing changes.</item>
/// </list>
/// Calls resolve by class-hierarchy analysis (every implementation in the artifact of a virtual,
/// interface or abstract method). Filling goes back through a call's result into what every target
/// returns; through a call with several targets (a polymorphic factory: <c>location.getAdapter(cw,
/// ctx)</c>, abstract, implemented by several subclasses) it reaches the visitors they build and the
/// objects those wrap, but not a writer one of them creates itself: which writer such a factory
/// returns is configuration we cannot see (Byte Buddy's ClassWriterStrategy: retaining by default,
/// discarding on request).
/// Following polymorphic factories and fields across methods can each be switched off for tests
/// (<see cref="PoolRebuildResolution"/>).
/// A writer construction is rewriting existing bytes when its object is filled. Context-insensitive
/// and flow-insensitive across methods: a helper called with a reader from one caller and fresh
/// data from another fills both callers' objects.
/// </summary>
internal sealed class PoolRebuildFlow
{
    /// <summary>Calls with more possible targets than this are not followed by the value flow.</summary>
    public const int MaxTargets = 64;

    private readonly ArtifactCallGraph _graph;
    private readonly Dictionary<MethodFacts, int> _base = [];
    private readonly Dictionary<FieldKey, int> _fields = [];
    private readonly Dictionary<MethodFacts, int[]> _fieldNodes = [];
    private readonly Adjacency _forward = new();
    private readonly Adjacency _backward = new();
    private int _nodeCount;
    private readonly List<List<int>?> _polymorphicBackward = []; // result ← return of a call with several targets: indices into _sites
    private readonly List<PolymorphicSite> _sites = [];
    private readonly HashSet<int> _writerAllocations = [];
    private readonly bool[] _isParameter; // method parameter nodes (field nodes, numbered after them, are not)
    private readonly bool _followPolymorphic;
    private readonly bool _followFields;
    private readonly Dictionary<int, List<int>> _contents = [];
    private readonly List<(List<int> From, List<int> Fills)> _fills = [];
    private readonly List<int> _sources = [];
    private readonly HashSet<int> _defined = [];
    private bool[] _existing = [];
    private bool[] _filled = [];
    private bool[] _filledDirectly = []; // reached without crossing a polymorphic return
    private readonly HashSet<(int Node, int Site)> _filledBehind = [];
    private bool[] _propagated = [];

    public PoolRebuildFlow(ArtifactCallGraph graph, PoolRebuildAsm asm, Func<MethodFacts, bool> include, PoolRebuildResolution? resolution = null)
    {
        _graph = graph;
        resolution ??= PoolRebuildResolution.All;
        _followPolymorphic = resolution.PolymorphicFactories;
        _followFields = resolution.Fields;
        var methods = graph.Methods.Where(m => include(m.Method)).Select(m => m.Method).ToList();
        int next = 0;
        foreach (var m in methods)
        {
            _base[m] = next;
            next += 1 + m.ArgumentCount + m.Calls.Count + m.Allocations.Count;
        }
        _isParameter = new bool[next];
        foreach (var (m, b) in _base)
            for (int i = 1; i <= m.ArgumentCount; i++) _isParameter[b + i] = true;
        _nodeCount = next;
        for (int i = 0; i < next; i++) _polymorphicBackward.Add(null);
        foreach (var m in methods) AddMethod(m, asm);
        Solve();
    }

    /// <summary>The node of an origin inside a method, or -1 for untracked origins (null, ints, unknown).</summary>
    public int Node(MethodFacts method, ValueRef value)
    {
        if (!_base.TryGetValue(method, out int b)) return -1;
        return value.Kind switch
        {
            ValueKind.Param when value.Index < method.ArgumentCount => b + 1 + value.Index,
            ValueKind.CallResult => b + 1 + method.ArgumentCount + value.Index,
            ValueKind.Allocation => b + 1 + method.ArgumentCount + method.Calls.Count + value.Index,
            ValueKind.Field => FieldNodes(method)[value.Index],
            _ => -1,
        };
    }

    /// <summary>The field nodes of a method's field list, looked up once per method (hashing a field's names per use was a third of building the flow).</summary>
    private int[] FieldNodes(MethodFacts method)
    {
        if (_fieldNodes.TryGetValue(method, out var nodes)) return nodes;
        nodes = new int[method.Fields.Count];
        // Fields not followed: each method sees its own copy, so a value stored here is read back only here.
        for (int i = 0; i < nodes.Length; i++) nodes[i] = _followFields ? FieldNode(method.Fields[i]) : NewNode();
        return _fieldNodes[method] = nodes;
    }

    /// <summary>True when the object may receive the content of an existing class (see the class remarks).</summary>
    public bool IsFilled(MethodFacts method, ValueRef value) => Node(method, value) is >= 0 and var n && n < _filled.Length && _filled[n];

    /// <summary>True when the value may hold, or wrap within a few levels, the content of an existing class.</summary>
    public bool HoldsExisting(MethodFacts method, ValueRef[] values, int depth = 4) =>
        values.Any(v => Node(method, v) is >= 0 and var n && HoldsExisting(n, depth));

    /// <summary>
    /// True when the value (class bytes) reaches an argument of a <c>defineClass</c>-like call within
    /// <paramref name="maxSteps"/> value-flow steps (a parameter, a field, a return): the writer's
    /// output becomes a new class, which no retransform merges (enhancers.md §2.3). The bound keeps
    /// the context-insensitive flow from wandering through unrelated overrides (every
    /// <c>OutputStream.write</c> of the JDK) to some distant <c>defineClass</c>.
    /// </summary>
    public bool FlowsToClassDefinition(MethodFacts method, ValueRef value, int maxSteps = 4)
    {
        if (Node(method, value) is not (>= 0 and var start) || start >= _existing.Length) return false;
        var seen = new HashSet<int> { start };
        var level = new List<int> { start };
        for (int step = 0; step <= maxSteps && level.Count > 0; step++)
        {
            var next = new List<int>();
            foreach (int n in level)
            {
                if (_defined.Contains(n)) return true;
                foreach (var s in _forward.Of(n))
                    if (seen.Add(s)) next.Add(s);
            }
            level = next;
        }
        return false;
    }

    private bool HoldsExisting(int node, int depth)
    {
        if (node < _existing.Length && _existing[node]) return true;
        if (depth == 0 || !_contents.TryGetValue(node, out var inner)) return false;
        return inner.Any(n => HoldsExisting(n, depth - 1));
    }

    private void AddMethod(MethodFacts m, PoolRebuildAsm asm)
    {
        for (int ci = 0; ci < m.Calls.Count; ci++)
        {
            var call = m.Calls[ci];
            int result = Node(m, new ValueRef(ValueKind.CallResult, ci));
            var resolved = _graph.Resolve(call);
            // A megamorphic call (JRuby's DynamicMethod.call has thousands of overrides) would tie
            // every caller to every implementation; its values are not followed.
            // Included methods are exactly those numbered in _base; counted first so that no list is built per call.
            int targetCount = 0;
            if (resolved.Count <= MaxTargets)
                for (int t = 0; t < resolved.Count; t++)
                    if (_base.ContainsKey(resolved[t])) targetCount++;
            for (int t = 0; t < resolved.Count && targetCount > 0; t++) // by index: a foreach over the interface boxed an enumerator per call
            {
                var target = resolved[t];
                if (!_base.ContainsKey(target)) continue;
                for (int i = 0; i < call.Arguments.Length && i < target.ArgumentCount; i++)
                    foreach (var v in call.Arguments[i]) Edge(Node(m, v), Node(target, new ValueRef(ValueKind.Param, i)));
                // Filling goes back into the callee's returned objects only when the call has one
                // target: a polymorphic factory (Byte Buddy's ClassWriterStrategy, retaining by
                // default, discarding on request) picks its writer by configuration we cannot see.
                Edge(_base[target], result, fillBackward: targetCount == 1);
                if (targetCount > 1 && _followPolymorphic && result >= 0)
                {
                    var arguments = new List<int>[Math.Min(call.Arguments.Length, target.ArgumentCount)];
                    for (int i = 0; i < arguments.Length; i++) arguments[i] = Nodes(m, call.Arguments[i]);
                    (_polymorphicBackward[result] ??= []).Add(_sites.Count);

                    _sites.Add(new PolymorphicSite(_base[target], arguments));
                }
            }
            if (targetCount == 0 && PoolRebuildApis.IsJavassist(call.Target.Owner))
                foreach (var v in call.Receiver) Edge(Node(m, v), result); // ctClass.getDeclaredMethod(…) is part of the same class
            if (PoolRebuildApis.ReadsExistingClass(call.Target)) _sources.Add(result);
            if (PoolRebuildApis.DefinesClass(call.Target))
                foreach (var argument in call.Arguments) _defined.UnionWith(Nodes(m, argument));
            if (PoolRebuildApis.IsVisitorAccept(call.Target, asm) && call.Arguments.Length > 1)
                _fills.Add((Nodes(m, call.Arguments[0]), Nodes(m, call.Arguments.Skip(1).SelectMany(a => a))));
            if (PoolRebuildApis.IsTransformClass(call.Target) && call.Arguments.Length > 1)
                _fills.Add((Nodes(m, call.Arguments[1]), Nodes(m, call.Arguments[0])));
        }
        foreach (var store in m.Stores)
            foreach (var v in store.Value) Edge(Node(m, v), FieldNodes(m)[store.Field]);
        foreach (var v in m.Returns) Edge(Node(m, v), _base[m]);
        for (int k = 0; k < m.Allocations.Count; k++)
        {
            var allocation = m.Allocations[k];
            int node = Node(m, new ValueRef(ValueKind.Allocation, k));
            var inner = Nodes(m, allocation.Contents);
            if (inner.Count > 0) _contents[node] = inner;
            if (allocation.Kind == AllocationKind.Object && asm.IsReaderType(allocation.ClassName)) _sources.Add(node);
            if (allocation.Kind == AllocationKind.Object && asm.IsWriterType(allocation.ClassName)) _writerAllocations.Add(node);
        }
    }

    private void Solve()
    {
        _forward.Layout(_nodeCount);
        _backward.Layout(_nodeCount);
        _existing = new bool[_nodeCount];
        _filled = new bool[_nodeCount];
        _filledDirectly = new bool[_nodeCount];
        _propagated = new bool[_nodeCount];
        var work = new Stack<int>(_sources);
        Propagate(work);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (from, fills) in _fills)
            {
                if (!from.Any(n => _existing[n])) continue;
                foreach (var n in fills) changed |= Fill(n, work);
            }
            Propagate(work);
        }
    }

    /// <summary>
    /// Marks a node and everything that can reach it, and the objects it wraps, as filled (and so
    /// existing). Behind a polymorphic return (see the class remarks) the walk is tied to that call
    /// site: it fills what the implementations build but skips writers they create, and leaves an
    /// implementation through its parameters only into the arguments of that call. From there it
    /// fills what those arguments are built from but does not climb from a parameter to every caller
    /// of a helper: a visitor wrapper shared by many callers (Byte Buddy's ValidatingClassVisitor.of)
    /// must not fill the writers of all of them. A node reached several ways is walked each way.
    /// </summary>
    private bool Fill(int start, Stack<int> existingWork)
    {
        const int Direct = -1, AfterSite = -2; // otherwise the index of the polymorphic call being followed
        bool any = false;
        var stack = new Stack<(int Node, int Mode)>();
        stack.Push((start, Direct));
        while (stack.Count > 0)
        {
            var (n, mode) = stack.Pop();
            if (mode == Direct)
            {
                if (_filledDirectly[n]) continue;
                _filledDirectly[n] = true;
            }
            else
            {
                if (_filledDirectly[n] || !_filledBehind.Add((n, mode))) continue;
                if (mode >= 0)
                {
                    if (_writerAllocations.Contains(n)) continue;
                    var call = _sites[mode];
                    if (n > call.Target && n <= call.Target + call.Arguments.Length)
                    {
                        // A parameter of the implementation: what this call passed.
                        foreach (var a in call.Arguments[n - call.Target - 1]) stack.Push((a, AfterSite));
                        continue;
                    }
                }
            }
            if (!_filled[n])
            {
                _filled[n] = any = true;
                if (!_propagated[n]) existingWork.Push(n);
            }
            if (!(mode == AfterSite && n < _isParameter.Length && _isParameter[n]))
                foreach (var p in _backward.Of(n)) stack.Push((p, mode));
            if (_polymorphicBackward[n] is { } sites) foreach (var s in sites) stack.Push((_sites[s].Target, s));
            if (_contents.TryGetValue(n, out var inner)) foreach (var i in inner) stack.Push((i, mode));
        }
        return any;
    }

    /// <summary>A call with several targets: the return node of one target and the argument nodes of the call.</summary>
    private sealed record PolymorphicSite(int Target, List<int>[] Arguments);

    /// <summary>Spreads "existing" forward along value flow from the nodes on the work stack.</summary>
    private void Propagate(Stack<int> work)
    {
        while (work.Count > 0)
        {
            int n = work.Pop();
            if (_propagated[n]) continue;
            _propagated[n] = _existing[n] = true;
            foreach (var s in _forward.Of(n))
                if (!_propagated[s]) work.Push(s);
        }
    }

    private List<int> Nodes(MethodFacts m, ValueRef[] values)
    {
        var list = new List<int>(values.Length);
        foreach (var v in values)
            if (Node(m, v) is >= 0 and var n && !list.Contains(n)) list.Add(n);
        return list;
    }

    private List<int> Nodes(MethodFacts m, IEnumerable<ValueRef> values)
    {
        var list = new List<int>();
        foreach (var v in values)
            if (Node(m, v) is >= 0 and var n && !list.Contains(n)) list.Add(n);
        return list;
    }

    private int FieldNode(FieldKey field)
    {
        var key = field with { Descriptor = "" };
        if (_fields.TryGetValue(key, out int node)) return node;
        node = NewNode();
        _fields[key] = node;
        return node;
    }

    private int NewNode()
    {
        _polymorphicBackward.Add(null);
        return _nodeCount++;
    }

    private void Edge(int from, int to, bool fillBackward = true)
    {
        if (from < 0 || to < 0 || from == to) return;
        _forward.Add(from, to);
        if (fillBackward) _backward.Add(to, from);
    }

    /// <summary>
    /// A node's edges, collected while the flow is built and then laid out by node (compressed rows), in
    /// the order they were added: two arrays instead of a list per node (fat-boot.jar: 14 MB of lists).
    /// </summary>
    private sealed class Adjacency
    {
        private List<(int Node, int Other)>? _pending = [];
        private int[] _start = [0];
        private int[] _others = [];

        public void Add(int node, int other) => (_pending ?? throw new InvalidOperationException("edges are added before the layout")).Add((node, other));

        public void Layout(int nodes)
        {
            var pending = _pending!;
            _start = new int[nodes + 1];
            foreach (var (node, _) in pending) _start[node + 1]++;
            for (int i = 0; i < nodes; i++) _start[i + 1] += _start[i];
            _others = new int[pending.Count];
            var fill = _start[..^1];
            foreach (var (node, other) in pending) _others[fill[node]++] = other;
            _pending = null;
        }

        public ReadOnlySpan<int> Of(int node) =>
            (uint)(node + 1) < (uint)_start.Length ? _others.AsSpan(_start[node], _start[node + 1] - _start[node]) : [];
    }
}
