using System.Globalization;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0105 — <c>retransformClasses</c> that runs repeatedly: a call inside a loop (a backward branch
/// around the call site in the same method, which covers <c>for</c>/<c>while</c> loops and retries
/// that jump back from a handler), or inside a task handed to a periodic scheduler
/// (<see cref="AgentApis.PeriodicTaskArgument"/>). The call counts when it is
/// <c>retransformClasses</c> itself or a call into agent code that reaches it within
/// <see cref="MaxCalls"/> calls, so a helper <c>retransform(Class)</c> called in a loop is found too.
/// A loop that blocks on a request each time round (<see cref="AgentRequestApis"/>: a server accepting
/// commands, a reader of lines, a consumer of a queue) retransforms once per request, not by itself:
/// it is reported as a note (<see cref="RequestDrivenRule"/>) instead.
/// </summary>
internal static class AgentRetransformLoopCheck
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.RetransformLoop,
        "retransformClasses runs in a loop or a periodic task",
        "{0} (line {1}) {2}; every retransform repeats the constant-pool merge, and with classes that grow on each retransform (BL0001, BL0004) Metaspace grows with every repetition: this is how a slow leak becomes an outage; collect the classes and retransform them once",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "Each retransformClasses call is a VM operation that merges the constant pool of every class it names. Calling it once per class in a loop multiplies safepoints; calling it from a retry loop or a scheduled task repeats it without bound. For classes whose pool grows on every retransform (catch (Throwable) on JDK 17-21, NaN constants) Metaspace then grows with every run.");

    /// <summary>
    /// The same rule at note level, with its own message, for a loop that waits for a request each time
    /// round: repetition driven from outside (one retransform per command) is not the hazard.
    /// </summary>
    public static readonly DiagnosticDescriptor RequestDrivenRule = Rule with
    {
        DefaultSeverity = Severity.Note,
        MessageFormat = "{0} (line {1}) {2}; this is request-driven dispatch (the loop waits for a request each time round), not a retransform that repeats by itself: each request still costs a constant-pool merge, so check the classes it names with BL0001 and BL0004",
    };

    /// <summary>How many calls deep a retransform may sit below the looping call; deeper paths (command dispatchers, frameworks) are not reported.</summary>
    public const int MaxCalls = 3;

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        var graph = agent.Graph;
        var distance = DistanceToRetransform(graph);
        if (distance.Count == 0) return;

        // Calls reaching retransformClasses within the bound: 0 for the call itself, else 1 + the callee's distance.
        int? Reaches(CallSite call)
        {
            if (AgentApis.IsRetransform(call)) return 0;
            int? best = null;
            foreach (var callee in graph.Resolve(call))
                if (distance.TryGetValue(callee, out int d) && d + 1 <= MaxCalls && (best is null || d + 1 < best)) best = d + 1;
            return best;
        }

        foreach (var (owner, method) in graph.Methods)
        {
            var reported = new HashSet<BackEdge>();
            foreach (var call in method.Calls)
            {
                if (method.BackEdges.Count > 0 && Reaches(call) is { } depth)
                {
                    // The innermost loop around the call; nested loops report once, at the loop that repeats the call most directly.
                    BackEdge? inner = null;
                    foreach (var edge in method.BackEdges)
                        if (edge.Encloses(call.Pc) && (inner is null || edge.From - edge.Target < inner.Value.From - inner.Value.Target)) inner = edge;
                    if (inner is { } loop && reported.Add(loop))
                        ReportLoop(context, owner, method, loop, call, depth, ReceiveIn(graph, method, loop));
                }

                int task = AgentApis.PeriodicTaskArgument(call);
                if (task >= 0 && task < call.Arguments.Length)
                    foreach (var body in TaskBodies(graph, method, call.Arguments[task]))
                        if (body != method && distance.TryGetValue(body, out int d) && d <= MaxCalls - 1)
                        {
                            ReportPeriodic(context, owner, method, call, body, d);
                            break;
                        }
            }
        }
    }

    /// <summary>
    /// A blocking receive the loop waits on each time round: a call in the loop's range that is one, or
    /// that runs agent code making one directly (a <c>readCommand()</c> helper). Null for a self-driven loop.
    /// </summary>
    private static CallSite? ReceiveIn(ArtifactCallGraph graph, MethodFacts method, BackEdge loop)
    {
        foreach (var call in method.Calls)
        {
            if (!loop.Encloses(call.Pc)) continue;
            if (AgentRequestApis.IsReceive(call)) return call;
            foreach (var callee in graph.Resolve(call))
                if (callee.Calls.FirstOrDefault(AgentRequestApis.IsReceive) is { } inner) return inner;
        }
        return null;
    }

    /// <summary>For every method reaching a retransformClasses call: the fewest calls to get there (0: it makes the call).</summary>
    private static Dictionary<MethodFacts, int> DistanceToRetransform(ArtifactCallGraph graph)
    {
        var distance = new Dictionary<MethodFacts, int>();
        var queue = new Queue<MethodFacts>();
        foreach (var (_, method) in graph.Methods)
            if (method.Calls.Any(AgentApis.IsRetransform) && distance.TryAdd(method, 0)) queue.Enqueue(method);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            int d = distance[current];
            if (d >= MaxCalls) continue;
            foreach (var (caller, _) in graph.CallersOf(current))
                if (distance.TryAdd(caller, d + 1)) queue.Enqueue(caller);
        }
        return distance;
    }

    /// <summary>The methods a task value runs: a lambda's implementation, or <c>run()</c> of a Runnable/TimerTask created here.</summary>
    private static IEnumerable<MethodFacts> TaskBodies(ArtifactCallGraph graph, MethodFacts method, ValueRef[] task)
    {
        foreach (var value in task)
        {
            if (value.Kind != ValueKind.Allocation) continue; // a task from a field or a parameter is not followed
            var allocation = method.Allocations[value.Index];
            if (allocation.Kind == AllocationKind.Lambda)
            {
                var site = method.Calls.FirstOrDefault(c => c.Pc == allocation.Pc && c.LambdaImplementation is not null);
                if (site is not null && graph.FindMethod(site.LambdaImplementation!.Value) is { } body) yield return body;
            }
            else if (allocation.Kind == AllocationKind.Object)
            {
                for (var c = graph.FindClass(allocation.ClassName); c is not null; c = c.SuperName is { } s ? graph.FindClass(s) : null)
                    if (c.FindMethod("run", "()V")?.Facts is { } run)
                    {
                        yield return run;
                        break;
                    }
            }
        }
    }

    private static void ReportLoop(ArtifactEndContext context, ClassFacts owner, MethodFacts method, BackEdge loop, CallSite call, int depth, CallSite? receive)
    {
        string line = Line(loop.Line > 0 ? loop.Line : call.Line);
        string loopText = receive is null
            ? $"inside a loop that jumps back from offset {loop.From} to {loop.Target}"
            : $"inside a loop that waits on {AgentRequestApis.Describe(receive.Target)} (line {Line(receive.Line)}) each time round";
        string what = depth == 0
            ? $"calls retransformClasses (line {Line(call.Line)}) {loopText}"
            : $"calls {call.Target.DisplayName} (line {Line(call.Line)}), which reaches retransformClasses {Calls(depth)} away, {loopText}";
        var properties = new Dictionary<string, double>
        {
            ["line"] = loop.Line,
            ["bytecodeOffset"] = loop.Target,
            ["loopEndOffset"] = loop.From,
            ["callLine"] = call.Line,
            ["callsToRetransform"] = depth,
            ["requestDriven"] = receive is null ? 0 : 1,
        };
        context.Report(receive is null ? Rule : RequestDrivenRule, owner.LocationAt(method.Method, loop.Target, loop.Line > 0 ? loop.Line : call.Line), properties,
            "loop around " + call.Target.Name, method.Method.DisplayName, line, what);
    }

    private static void ReportPeriodic(ArtifactEndContext context, ClassFacts owner, MethodFacts method, CallSite call, MethodFacts body, int depth)
    {
        string reach = depth == 0 ? "which calls retransformClasses" : $"which reaches retransformClasses {Calls(depth)} away";
        string what = $"hands {body.Method.DisplayName} to {AgentApis.Describe(call.Target)}, {reach}: the classes are retransformed again on every period";
        var properties = new Dictionary<string, double>
        {
            ["line"] = call.Line,
            ["bytecodeOffset"] = call.Pc,
            ["callLine"] = call.Line,
            ["callsToRetransform"] = depth + 1,
        };
        context.Report(Rule, owner.LocationAt(method.Method, call.Pc, call.Line), properties,
            "periodic " + call.Target.Name, method.Method.DisplayName, Line(call.Line), what);
    }

    private static string Line(int line) => line.ToString(CultureInfo.InvariantCulture);

    private static string Calls(int n) => n == 1 ? "1 call" : n.ToString(CultureInfo.InvariantCulture) + " calls";
}
