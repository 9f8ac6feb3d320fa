using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// A light, whole-artifact call graph over invoke instructions, with class-hierarchy analysis for
/// virtual calls. Built once per artifact from the facts of every class (see
/// <see cref="CallGraphCollector"/>). Limits: only classes of the scanned artifact are known (calls
/// into the JDK or other jars have no targets); reflection, <c>MethodHandle</c> invocation and
/// bootstraps other than <c>LambdaMetafactory</c> are not followed; a virtual call goes to every
/// override in the artifact below the named owner (no receiver-type analysis); calls made by code
/// outside the artifact back into it (callbacks, visitors driven by a library) are invisible.
/// </summary>
public sealed class ArtifactCallGraph
{
    private readonly Dictionary<string, ClassFacts> _classes;
    private readonly ClassFacts[] _withCode; // classes holding a method with facts, in name order
    private readonly Dictionary<MethodFacts, ClassFacts> _owners;
    private readonly Dictionary<string, List<string>> _directSubtypes;
    private readonly Dictionary<string, IReadOnlyList<string>> _subtypeCache = new(StringComparer.Ordinal);
    private readonly Dictionary<MethodKey, DeclaredMethod> _declared;
    private readonly Dictionary<(MethodKey Target, bool Virtual), IReadOnlyList<MethodFacts>> _resolved = [];
    private Dictionary<MethodFacts, List<(MethodFacts, CallSite)>>? _callers;

    public ArtifactCallGraph(IEnumerable<ClassFacts> classes) : this(SortedByName(classes)) { }

    /// <summary>From classes already in <see cref="CompareByName"/> order (a demand graph keeps its stubs sorted and rebuilds the graph each round).</summary>
    internal ArtifactCallGraph(IReadOnlyList<ClassFacts> sortedByName)
    {
        // Sized up front: growing these was ~10 % of a fat-boot.jar scan (the graph is rebuilt per round).
        int methods = 0;
        foreach (var c in sortedByName) methods += c.Methods.Count;
        _classes = new(sortedByName.Count, StringComparer.Ordinal);
        _directSubtypes = new(sortedByName.Count / 2, StringComparer.Ordinal); // fewer supertypes than classes: grows rarely
        _declared = new(methods);
        _owners = new(methods);
        // Deterministic: the first definition of a name wins in name order of the entries' locations.
        var withCode = new List<ClassFacts>();
        foreach (var c in sortedByName)
        {
            if (!_classes.TryAdd(c.Name, c)) continue;
            bool hasCode = false;
            foreach (var m in c.Methods)
            {
                _declared.TryAdd(new MethodKey(c.Name, m.Name, m.Descriptor), m);
                if (m.Facts is { } f)
                {
                    _owners[f] = c;
                    hasCode = true;
                }
            }
            if (hasCode) withCode.Add(c);
        }
        _withCode = [.. withCode];
        foreach (var c in _classes.Values)
        {
            if (c.SuperName is { } s) AddSubtype(s, c.Name);
            foreach (var i in c.Interfaces) AddSubtype(i, c.Name);
        }
    }

    /// <summary>The graph's order of classes: by name, then by entry location (duplicated names in a fat jar).</summary>
    internal static int CompareByName(ClassFacts a, ClassFacts b)
    {
        int byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : string.CompareOrdinal(a.Location.Entry, b.Location.Entry);
    }

    private static ClassFacts[] SortedByName(IEnumerable<ClassFacts> classes)
    {
        var sorted = classes.ToArray();
        // Array.Sort is not stable; the comparison decides every pair that can differ (same name and entry is the same class).
        Array.Sort(sorted, CompareByName);
        return sorted;
    }

    public IReadOnlyDictionary<string, ClassFacts> Classes => _classes;

    public ClassFacts? FindClass(string name) => _classes.GetValueOrDefault(name);

    /// <summary>Every method with code, with its class, in class-name order.</summary>
    public IEnumerable<(ClassFacts Class, MethodFacts Method)> Methods
    {
        get
        {
            foreach (var c in _withCode)
                foreach (var m in c.Methods)
                    if (m.Facts is { } facts) yield return (c, facts);
        }
    }

    public ClassFacts OwnerOf(MethodFacts method) => _owners[method];

    public MethodFacts? FindMethod(MethodKey key) => _declared.GetValueOrDefault(key)?.Facts;

    /// <summary>A method declared (with or without code) by a class of the artifact.</summary>
    public DeclaredMethod? FindDeclared(MethodKey key) => _declared.GetValueOrDefault(key);

    /// <summary>The superclass chain then all superinterfaces (transitively), as far as the artifact knows them; names outside it are included but not expanded.</summary>
    public IEnumerable<string> Supertypes(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(name);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (FindClass(current) is not { } c) continue;
            foreach (var next in c.SuperName is { } s ? c.Interfaces.Prepend(s) : c.Interfaces)
                if (seen.Add(next))
                {
                    yield return next;
                    queue.Enqueue(next);
                }
        }
    }

    public bool IsSubtypeOf(string name, string supertype) => name == supertype || Supertypes(name).Contains(supertype);

    /// <summary>All classes of the artifact below <paramref name="name"/> (subclasses and implementors, transitively).</summary>
    public IReadOnlyList<string> SubtypesOf(string name)
    {
        if (_subtypeCache.TryGetValue(name, out var cached)) return cached;
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        var queue = new Queue<string>();
        queue.Enqueue(name);
        while (queue.Count > 0)
            if (_directSubtypes.TryGetValue(queue.Dequeue(), out var direct))
                foreach (var sub in direct)
                    if (seen.Add(sub))
                    {
                        result.Add(sub);
                        queue.Enqueue(sub);
                    }
        _subtypeCache[name] = result;
        return result;
    }

    /// <summary>
    /// Methods of the artifact a call may run: the declaration found from the named owner up its
    /// superclasses, plus for invokevirtual/invokeinterface every override in subtypes of the owner;
    /// for a lambda, its implementation method. Empty when the owner is not in the artifact.
    /// </summary>
    public IReadOnlyList<MethodFacts> Resolve(CallSite call)
    {
        if (call.LambdaImplementation is { } implementation)
            return FindMethod(implementation) is { } impl ? [impl] : [];
        var target = call.Target;
        bool isVirtual = call.Opcode is Opcode.Invokevirtual or Opcode.Invokeinterface && target.Name != "<init>";
        // Results depend only on the target as written: cached, because hub types (JRuby's IRubyObject)
        // are called from tens of thousands of sites.
        if (_resolved.TryGetValue((target, isVirtual), out var cached)) return cached;
        IReadOnlyList<MethodFacts> result = [];
        if (FindClass(target.Owner) is not null)
        {
            var found = new List<MethodFacts>(1);
            if (LookUp(target.Owner, target.Name, target.Descriptor) is { } declared) found.Add(declared);
            if (isVirtual)
                foreach (var sub in SubtypesOf(target.Owner))
                    if (FindMethod(new MethodKey(sub, target.Name, target.Descriptor)) is { } over) found.Add(over); // below the owner: never the declaration found above
            result = found;
        }
        _resolved[(target, isVirtual)] = result;
        return result;
    }

    private MethodFacts? LookUp(string owner, string name, string descriptor)
    {
        foreach (var c in SuperclassChain(owner))
            if (_declared.TryGetValue(new MethodKey(c.Name, name, descriptor), out var m)) return m.Facts;
        return null;
    }

    /// <summary>
    /// The class named <paramref name="name"/> and its superclasses, as far as the artifact holds them.
    /// Bounded: a hostile or broken artifact can hold a superclass cycle (A extends A, or a class named
    /// java/lang/Object extending itself), which the JVM rejects but must not hang the scan.
    /// </summary>
    public IEnumerable<ClassFacts> SuperclassChain(string name)
    {
        int depth = 0;
        for (var c = FindClass(name); c is not null && depth++ < MaxHierarchyDepth; c = c.SuperName is { } s ? FindClass(s) : null)
            yield return c;
    }

    /// <summary>Hierarchy levels any walk follows; real hierarchies are a few dozen deep at most.</summary>
    public const int MaxHierarchyDepth = 1000;

    /// <summary>Call sites that may run <paramref name="method"/> (computed once for the whole artifact).</summary>
    public IReadOnlyList<(MethodFacts Caller, CallSite Call)> CallersOf(MethodFacts method)
    {
        if (_callers is null)
        {
            _callers = [];
            foreach (var (_, caller) in Methods)
                foreach (var call in caller.Calls)
                    foreach (var callee in Resolve(call))
                    {
                        if (!_callers.TryGetValue(callee, out var list)) _callers[callee] = list = [];
                        list.Add((caller, call));
                    }
        }
        return _callers.TryGetValue(method, out var found) ? found : [];
    }

    /// <summary>
    /// Methods reachable from the roots through resolved calls, each with the number of calls on a
    /// shortest path and the root it starts from (roots map to themselves at 0). <paramref name="follow"/>
    /// can cut the search at methods it rejects.
    /// </summary>
    public IReadOnlyDictionary<MethodFacts, Reach> ReachableFrom(IEnumerable<MethodFacts> roots, Func<MethodFacts, bool>? follow = null)
    {
        var reach = new Dictionary<MethodFacts, Reach>();
        var queue = new Queue<MethodFacts>();
        foreach (var root in roots)
            if (reach.TryAdd(root, new Reach(0, root))) queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            var from = reach[current];
            foreach (var call in current.Calls)
                foreach (var callee in Resolve(call))
                    if ((follow is null || follow(callee)) && reach.TryAdd(callee, new Reach(from.Calls + 1, from.Root) { Caller = current })) queue.Enqueue(callee);
        }
        return reach;
    }

    /// <summary>Methods with code named <paramref name="methodName"/> declared by classes that are subtypes of <paramref name="interfaceName"/>.</summary>
    public IReadOnlyList<MethodFacts> ImplementationsOf(string interfaceName, string methodName, Func<string, bool> descriptorMatches) =>
        SubtypesOf(interfaceName).Order(StringComparer.Ordinal)
            .SelectMany(name => FindClass(name)!.Methods)
            .Where(m => m.Facts is not null && m.Name == methodName && descriptorMatches(m.Descriptor))
            .Select(m => m.Facts!).ToList();

    private void AddSubtype(string super, string sub)
    {
        if (!_directSubtypes.TryGetValue(super, out var list)) _directSubtypes[super] = list = [];
        list.Add(sub);
    }
}

/// <summary>How a method was reached: calls on a shortest path from <see cref="Root"/>, and the method before it on that path.</summary>
public readonly record struct Reach(int Calls, MethodFacts Root)
{
    /// <summary>The caller on the shortest path (null for a root).</summary>
    public MethodFacts? Caller { get; init; }

    /// <summary>The methods of the shortest path from the root to <paramref name="method"/>, both included, in <paramref name="reach"/> (from <see cref="ArtifactCallGraph.ReachableFrom"/>).</summary>
    public static IReadOnlyList<MethodFacts> PathTo(IReadOnlyDictionary<MethodFacts, Reach> reach, MethodFacts method)
    {
        var path = new List<MethodFacts>();
        for (MethodFacts? current = method; current is not null && path.Count <= ArtifactCallGraph.MaxHierarchyDepth; current = reach.TryGetValue(current, out var r) ? r.Caller : null)
            path.Add(current);
        path.Reverse();
        return path;
    }
}
