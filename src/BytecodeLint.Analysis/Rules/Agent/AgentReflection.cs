using System.Collections.Concurrent;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// Reflective <c>Instrumentation</c> calls read as calls. Agents that must also run on JVMs without an
/// API (Java 5 had no <c>retransformClasses</c>) call it through <c>getMethod("retransformClasses", …)</c>
/// and <c>Method.invoke</c>; the JVM runs the call all the same, so the agent rules see it as written
/// directly: the <c>Method.invoke</c> call site is replaced, in the agent's own call graph only, by a
/// call of the Instrumentation method at the same pc and line (receiver: <c>invoke</c>'s first
/// argument; int constants among the reflected arguments, such as the <c>true</c> of
/// <c>addTransformer(t, true)</c>, are kept). Also collects what BL0104 needs to tell a fallback
/// registration from a mistake (<see cref="FallbackRegistrations"/>).
/// </summary>
internal sealed class AgentReflection
{
    private readonly ConcurrentDictionary<ClassEntry, Dictionary<MethodKey, ReflectiveMethodFacts>> _found = new();
    private readonly ConcurrentDictionary<string, string> _interner = new(StringComparer.Ordinal);

    /// <summary>The call sites this class made up (for messages that say the call is reflective).</summary>
    public HashSet<CallSite> ReflectiveSites { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Non-capable <c>addTransformer</c> calls that only run when a capable registration just failed (method, pc).</summary>
    public HashSet<(MethodKey Method, int Pc)> FallbackRegistrations { get; } = [];

    /// <summary>The class step: reads the classes of agent code whose pool names an Instrumentation method the rules care about.</summary>
    public void Visit(ClassAnalysisContext context)
    {
        if (!ReflectiveInstrumentationReader.Mentions(context.Class)) return;
        var found = ReflectiveInstrumentationReader.Read(context.Class, _interner);
        if (found.Count > 0) _found[context.Entry] = found;
    }

    /// <summary>The class's facts with its reflective calls read as calls (the same object when it has none). At the artifact's end, on one thread.</summary>
    public ClassFacts Apply(ClassEntry entry, ClassFacts facts)
    {
        if (!_found.TryGetValue(entry, out var byMethod)) return facts;
        var methods = new List<DeclaredMethod>(facts.Methods.Count);
        bool changed = false;
        foreach (var declared in facts.Methods)
        {
            if (declared.Facts is not { } method || !byMethod.TryGetValue(method.Method, out var found))
            {
                methods.Add(declared);
                continue;
            }
            var rewritten = found.Calls.Count == 0 ? method : Rewrite(method, found.Calls);
            changed |= !ReferenceEquals(rewritten, method);
            CollectFallbacks(rewritten, found.Handlers);
            methods.Add(declared with { Facts = rewritten });
        }
        return changed ? facts with { Methods = methods } : facts;
    }

    private MethodFacts Rewrite(MethodFacts method, IReadOnlyList<ReflectiveCall> reflective)
    {
        var calls = method.Calls.ToArray();
        bool changed = false;
        foreach (var call in reflective)
        {
            int i = Array.FindIndex(calls, c => c.Pc == call.Pc && c.Target is { Owner: "java/lang/reflect/Method", Name: "invoke" });
            if (i < 0) continue;
            var invoke = calls[i];
            string descriptor = Descriptor(call.Name, call.ParameterCount);
            int parameters = Descriptors.ArgumentSlots(descriptor).Length;
            var arguments = new ValueRef[parameters + 1][];
            arguments[0] = invoke.Arguments.Length > 1 ? invoke.Arguments[1] : ValueSets.Unknown; // invoke(receiver, args)
            for (int p = 0; p < parameters; p++)
                arguments[p + 1] = p < call.IntArguments.Length && call.IntArguments[p] is { } value ? ValueSets.Single(ValueKind.Int, value) : ValueSets.Unknown;
            calls[i] = new CallSite(invoke.Pc, invoke.Line, Opcode.Invokeinterface, new MethodKey(AgentApis.Instrumentation, call.Name, descriptor), arguments, null);
            ReflectiveSites.Add(calls[i]);
            changed = true;
        }
        return changed ? method.WithCalls(calls) : method;
    }

    /// <summary>
    /// The descriptor of the reflected method. <c>addTransformer</c> has two overloads: one parameter type
    /// is <c>(t)</c>, otherwise (two, or an array not known) <c>(t, boolean)</c> with the flag as found.
    /// </summary>
    private static string Descriptor(string name, int parameterCount) => name switch
    {
        "retransformClasses" => "([Ljava/lang/Class;)V",
        "redefineClasses" => "([Ljava/lang/instrument/ClassDefinition;)V",
        "addTransformer" when parameterCount == 1 => "(Ljava/lang/instrument/ClassFileTransformer;)V",
        "addTransformer" => "(Ljava/lang/instrument/ClassFileTransformer;Z)V",
        "appendToBootstrapClassLoaderSearch" => "(Ljava/util/jar/JarFile;)V",
        _ => "()Z", // isRetransformClassesSupported, isRedefineClassesSupported
    };

    /// <summary>
    /// A non-capable registration is a fallback when it sits in a handler whose try block makes a
    /// registration that is not known to be non-capable: <c>try { addTransformer(t, true) } catch (…)
    /// { addTransformer(t) }</c>, the idiom of agents that also run where retransformation is not
    /// supported (Lombok's <c>ScriptManager.registerTransformer</c>). The handler is taken to run from
    /// its start to the next handler or try block that starts after it.
    /// </summary>
    private void CollectFallbacks(MethodFacts method, IReadOnlyList<HandlerRange> handlers)
    {
        if (handlers.Count == 0) return;
        foreach (var call in method.Calls)
        {
            if (!AgentApis.IsNotRetransformCapableRegistration(call)) continue;
            foreach (var h in handlers)
            {
                if (call.Pc < h.Handler || (call.Pc >= h.Start && call.Pc < h.End)) continue;
                int end = handlers.SelectMany(o => new[] { o.Start, o.Handler }).Where(pc => pc > h.Handler).DefaultIfEmpty(int.MaxValue).Min();
                if (call.Pc >= end) continue;
                bool capableTried = method.Calls.Any(c => c.Pc >= h.Start && c.Pc < h.End
                    && AgentApis.IsInstrumentation(c, "addTransformer") && !AgentApis.IsNotRetransformCapableRegistration(c));
                if (!capableTried) continue;
                FallbackRegistrations.Add((method.Method, call.Pc));
                break;
            }
        }
    }
}
