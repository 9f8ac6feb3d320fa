namespace BytecodeLint.Analysis.Flow;

// For rules that read some calls differently from how they are written (the agent rules read a
// reflective Method.invoke of an Instrumentation method as that method): a copy of the facts with
// other call sites, everything else shared. Kept beside the type so a new fact is copied here too.
public sealed partial class MethodFacts
{
    /// <summary>These facts with <paramref name="calls"/> instead of <see cref="Calls"/>; same length, so <see cref="ValueKind.CallResult"/> indices keep their meaning.</summary>
    internal MethodFacts WithCalls(CallSite[] calls)
    {
        if (calls.Length != Calls.Count) throw new ArgumentException("a call list of another length would break call-result indices", nameof(calls));
        return new MethodFacts(Method, AccessFlags, calls, [.. Allocations], [.. Fields], [.. Stores], Returns)
        {
            BackEdges = BackEdges,
            ParameterArrayStores = ParameterArrayStores,
        };
    }
}
