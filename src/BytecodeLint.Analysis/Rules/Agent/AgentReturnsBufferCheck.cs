using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Flow;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0107 — a <c>ClassFileTransformer.transform</c> (both overloads; any class of the agent, anonymous and
/// inner ones included) that can return its <c>classfileBuffer</c> argument: directly, through a local, or
/// as the result of an agent method it passed the buffer to that returns that argument (up to
/// <see cref="MaxCalls"/> calls deep). Measured (samples/java/measure/measure-buffer.sh, 17.0.15 and 25.0.3):
/// a returned array, even the unchanged input, makes the JVM treat the class as transformed — it keeps a
/// copy of the class bytes for the class's life when the transformer is retransform-capable, and parses a
/// class from the CDS archive instead of mapping the shared copy, whatever the registration.
/// </summary>
internal static class AgentReturnsBufferCheck
{
    private const string Description =
        "A transformer that does not change a class must return null. Returning the classfileBuffer argument, even unchanged, tells the JVM the class was transformed: for a retransform-capable transformer the JVM keeps a copy of the original class bytes in native memory for the life of every class loaded afterwards, and a class from the CDS archive is parsed again instead of using the shared copy (measured ~6 KB more Metaspace per such class on JDK 17 and 25).";

    /// <summary>The transformer is registered retransform-capable: both costs.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.ReturnsClassfileBuffer,
        "ClassFileTransformer.transform returns its classfileBuffer argument instead of null",
        "{0} returns its classfileBuffer argument{1}, and {2} registers it retransform-capable: for every class loaded afterwards the JVM keeps a copy of the class bytes in native memory for the class's life and parses CDS-archived classes instead of sharing them; return null when the class is not changed",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        Description);

    /// <summary>Not (known to be) registered retransform-capable: only the lost sharing.</summary>
    public static readonly DiagnosticDescriptor NotCapableRule = Rule with
    {
        MessageFormat = "{0} returns its classfileBuffer argument{1}; CDS-archived classes loaded afterwards are parsed instead of shared (~6 KB of Metaspace each), and registered retransform-capable it would also pin a copy of every class's bytes; return null when the class is not changed",
        DefaultSeverity = Severity.Note,
    };

    public const int MaxCalls = 4;

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        var graph = agent.Graph;
        var capable = CapableRegistrations(graph);
        foreach (var transform in graph.ImplementationsOf(AgentApis.Transformer, "transform", d => d.EndsWith("[B)[B", StringComparison.Ordinal)))
        {
            int buffer = transform.ArgumentCount - 1;
            if (WritesDirectly(transform, buffer)) continue; // the class was changed in place: BL0106's finding, not this one
            if (ReturnsArgument(graph, transform, buffer, 0, []) is not { } via) continue;
            var owner = graph.OwnerOf(transform);
            string how = via.Count == 0 ? "" : " through " + string.Join(" → ", via);
            var registration = capable.FirstOrDefault(r => r.Class is null || graph.IsSubtypeOf(r.Class, owner.Name));
            var properties = new Dictionary<string, double> { ["callsToReturn"] = via.Count, ["retransformCapable"] = registration.Caller is null ? 0 : 1 };
            var location = owner.LocationAt(transform.Method, 0, 0) with { BytecodeOffset = null };
            if (registration.Caller is { } caller)
                context.Report(Rule, location, properties, "returns classfileBuffer (capable)", transform.Method.DisplayName, how, caller.DisplayName);
            else
                context.Report(NotCapableRule, location, properties, "returns classfileBuffer", transform.Method.DisplayName, how);
        }
    }

    /// <summary>
    /// <c>addTransformer(t, true)</c> calls: the class of the transformer when the argument is a <c>new</c> in the
    /// calling method, null when its origin is not tracked (a field, a parameter): then any transformer may be it.
    /// </summary>
    private static List<(MethodKey? Caller, string? Class)> CapableRegistrations(ArtifactCallGraph graph)
    {
        var found = new List<(MethodKey?, string?)>();
        foreach (var (_, facts) in graph.Methods)
            foreach (var call in facts.Calls)
            {
                if (!AgentApis.IsInstrumentation(call, "addTransformer") || call.Target.Descriptor != "(Ljava/lang/instrument/ClassFileTransformer;Z)V") continue;
                if (call.Arguments.Length != 3 || !call.Arguments[2].Any(v => v is { Kind: ValueKind.Int, Index: not 0 } or { Kind: ValueKind.Unknown })) continue;
                var origins = call.Arguments[1];
                if (origins.All(v => v.Kind == ValueKind.Allocation))
                    foreach (var v in origins) found.Add((facts.Method, facts.Allocations[v.Index].ClassName));
                else found.Add((facts.Method, null));
            }
        return found;
    }

    /// <summary>An array store or <c>System.arraycopy</c> into the buffer in transform itself (helpers are BL0106's to follow).</summary>
    private static bool WritesDirectly(MethodFacts method, int parameter)
    {
        var target = new ValueRef(ValueKind.Param, parameter);
        if (method.ParameterArrayStores.Any(s => s.Array.Contains(target))) return true;
        return method.Calls.Any(c => c.Target is { Owner: "java/lang/System", Name: "arraycopy" } && c.Arguments.Length > 2 && c.Arguments[2].Contains(target));
    }

    /// <summary>The chain of agent methods through which <paramref name="method"/> returns its argument <paramref name="parameter"/>, or null.</summary>
    private static List<string>? ReturnsArgument(ArtifactCallGraph graph, MethodFacts method, int parameter, int depth, HashSet<(MethodFacts, int)> seen)
    {
        if (!seen.Add((method, parameter))) return null;
        var target = new ValueRef(ValueKind.Param, parameter);
        if (method.Returns.Contains(target)) return [];
        if (depth >= MaxCalls) return null;
        foreach (var value in method.Returns)
        {
            if (value.Kind != ValueKind.CallResult) continue;
            var call = method.Calls[value.Index];
            if (call.LambdaImplementation is not null) continue;
            for (int i = 0; i < call.Arguments.Length; i++)
            {
                if (!call.Arguments[i].Contains(target)) continue;
                foreach (var callee in graph.Resolve(call))
                    if (i < callee.ArgumentCount && ReturnsArgument(graph, callee, i, depth + 1, seen) is { } inner)
                        return [callee.Method.DisplayName, .. inner];
            }
            if (ReturnedFromWrapper(graph, method, call, target) is { } getter) return [getter];
        }
        return null;
    }

    /// <summary>
    /// The buffer handed to a wrapper's constructor, kept in one of its fields and given back by the method
    /// whose result is returned: <c>a = new Adapter(buffer); return a.toByteArray();</c> where the
    /// constructor stores the parameter in a field that <c>toByteArray</c> returns (the allocation
    /// instrumenter's <c>VerifyingClassAdapter</c> does this for classes it gives up). The receiver must be
    /// an object created in this method, so the field is the one this constructor filled.
    /// </summary>
    private static string? ReturnedFromWrapper(ArtifactCallGraph graph, MethodFacts method, CallSite call, ValueRef buffer)
    {
        if (call.Arguments.Length == 0 || call.Opcode == Opcode.Invokestatic) return null;
        foreach (var receiver in call.Arguments[0].Where(v => v.Kind == ValueKind.Allocation))
        {
            var filled = new HashSet<FieldKey>();
            foreach (var init in method.Calls.Where(c => c.Target.Name == "<init>" && c.Arguments.Length > 0 && c.Arguments[0].Contains(receiver)))
            {
                for (int j = 1; j < init.Arguments.Length; j++)
                {
                    if (!init.Arguments[j].Contains(buffer)) continue;
                    foreach (var constructor in graph.Resolve(init))
                        foreach (var store in constructor.Stores.Where(st => st.Value.Contains(new ValueRef(ValueKind.Param, j))))
                            filled.Add(constructor.Fields[store.Field]);
                }
            }
            if (filled.Count == 0) continue;
            foreach (var getter in graph.Resolve(call))
                if (getter.Returns.Any(v => v.Kind == ValueKind.Field && filled.Contains(getter.Fields[v.Index])))
                    return getter.Method.DisplayName;
        }
        return null;
    }
}
