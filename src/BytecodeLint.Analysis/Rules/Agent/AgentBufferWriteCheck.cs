using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0106 — a <c>ClassFileTransformer.transform</c> implementation that writes into its
/// <c>classfileBuffer</c> (the last argument): a primitive array store into it, <c>System.arraycopy</c>
/// with it as destination, <c>Arrays.fill</c>, a stream <c>read</c>/<c>readFully</c>/<c>readNBytes</c>
/// into it, or passing it to a method of the agent that does one of these (up to
/// <see cref="MaxCalls"/> calls deep). A copy kept in a field or an array, or a write through a
/// <c>ByteBuffer.wrap</c> view, is not followed; a helper called twice or more on the buffer by the
/// same method is taken as patch-and-restore and not followed either.
/// </summary>
internal static class AgentBufferWriteCheck
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.WritesClassfileBuffer,
        "ClassFileTransformer.transform writes into its classfileBuffer argument",
        "{0} writes into its classfileBuffer argument {1}; the array must not be modified: the next transformers receive the same array, and if transform then returns null the JVM drops the change while they see it; copy the bytes (classfileBuffer.clone()) and return the copy",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "The ClassFileTransformer.transform Javadoc says the input classfileBuffer must not be modified. The JDK passes the same array to the next registered transformer when a transformer returns null, so an in-place edit leaks into other agents' input, is lost when nothing returns a new array, and differs between load and retransform.");

    public const int MaxCalls = 4;

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        var graph = agent.Graph;
        var transforms = graph.ImplementationsOf(AgentApis.Transformer, "transform", d => d.EndsWith("[B)[B", StringComparison.Ordinal));
        foreach (var transform in transforms)
        {
            int buffer = transform.ArgumentCount - 1;
            if (FindWrite(graph, transform, buffer, 0, []) is not { } write) continue;
            var owner = graph.OwnerOf(transform);
            string how = write.Chain.Count == 0
                ? $"with {write.What} (line {write.Line})"
                : $"by passing it to {string.Join(" → ", write.Chain)}, which writes it with {write.What} (line {write.Line})";
            var properties = new Dictionary<string, double> { ["line"] = write.EntryLine, ["bytecodeOffset"] = write.EntryPc, ["callsToWrite"] = write.Chain.Count };
            context.Report(Rule, owner.LocationAt(transform.Method, write.EntryPc, write.EntryLine), properties,
                "writes classfileBuffer: " + write.What, transform.Method.DisplayName, how);
        }
    }

    private sealed record Write(string What, int Line, int EntryPc, int EntryLine, List<string> Chain);

    /// <summary>The first write into argument <paramref name="parameter"/> of <paramref name="method"/>, in the method or below it.</summary>
    private static Write? FindWrite(ArtifactCallGraph graph, MethodFacts method, int parameter, int depth, HashSet<(MethodFacts, int)> seen)
    {
        if (!seen.Add((method, parameter))) return null;
        var target = new ValueRef(ValueKind.Param, parameter);
        foreach (var store in method.ParameterArrayStores)
            if (store.Array.Contains(target)) return new Write("an array store (bastore)", store.Line, store.Pc, store.Line, []);

        foreach (var call in method.Calls)
            if (WrittenArgument(call) is { } written && written < call.Arguments.Length && call.Arguments[written].Contains(target))
                return new Write(DescribeJdkWrite(call), call.Line, call.Pc, call.Line, []);

        if (depth >= MaxCalls) return null;
        // A helper given the buffer at two or more call sites of one method is taken as patch-and-restore
        // (JaCoCo's InstrSupport.classReaderFor lowers the class version around ASM's check, then writes
        // the original back): the bytes leave the method unchanged, so that path is not followed.
        var passes = new Dictionary<(MethodKey, int), int>();
        foreach (var call in method.Calls)
            for (int i = 0; i < call.Arguments.Length; i++)
                if (call.Arguments[i].Contains(target))
                    passes[(call.Target, i)] = passes.GetValueOrDefault((call.Target, i)) + 1;
        foreach (var call in method.Calls)
        {
            if (call.LambdaImplementation is not null) continue;
            for (int i = 0; i < call.Arguments.Length; i++)
            {
                if (!call.Arguments[i].Contains(target) || passes[(call.Target, i)] > 1) continue;
                foreach (var callee in graph.Resolve(call))
                    if (i < callee.ArgumentCount && FindWrite(graph, callee, i, depth + 1, seen) is { } inner)
                        return inner with { EntryPc = call.Pc, EntryLine = call.Line, Chain = [callee.Method.DisplayName, .. inner.Chain] };
            }
        }
        return null;
    }

    /// <summary>The argument a JDK method writes into (receiver counted as 0), or null.</summary>
    private static int? WrittenArgument(CallSite call)
    {
        var t = call.Target;
        if (t.Owner == "java/lang/System" && t.Name == "arraycopy") return 2;
        if (t.Owner == "java/util/Arrays" && t.Name == "fill" && t.Descriptor.StartsWith("([B", StringComparison.Ordinal)) return 0;
        if (call.HasReceiver && t.Name is "read" or "readFully" or "readNBytes" && t.Descriptor.StartsWith("([B", StringComparison.Ordinal)) return 1;
        return null;
    }

    private static string DescribeJdkWrite(CallSite call)
    {
        var t = call.Target;
        string owner = t.Owner[(t.Owner.LastIndexOf('/') + 1)..];
        return owner + "." + t.Name;
    }
}
