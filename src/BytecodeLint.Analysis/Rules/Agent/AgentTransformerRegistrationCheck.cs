using System.Globalization;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0104 — <c>addTransformer(t)</c> or <c>addTransformer(t, false)</c> in an agent whose code also
/// calls <c>retransformClasses</c>: the JVM does not call such a transformer on retransform. A registration
/// that is the fallback of a capable one that failed (<see cref="AgentReflection.FallbackRegistrations"/>)
/// is not reported: it runs only where retransformation is not supported at all. Nor does a retransform
/// count that the calling method serves with a capable transformer of its own (<see cref="RegistersCapable"/>).
/// </summary>
internal static class AgentTransformerRegistrationCheck
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.NotRetransformCapable,
        "Transformer is not retransform-capable but the agent retransforms",
        "{0} (line {1}) registers a transformer with {2}, which is not retransform-capable, while the agent calls retransformClasses ({3}); the JVM skips this transformer on every retransform; register it with addTransformer(t, true) if it must see retransformed classes",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "Instrumentation.addTransformer(t) and addTransformer(t, false) register a transformer that is not called for retransformClasses. An agent that retransforms to apply its instrumentation to already loaded classes then silently does nothing for them.");

    /// <summary>
    /// The method registers a transformer that may be retransform-capable (<c>addTransformer(t, flag)</c>,
    /// flag not a constant false): its own retransforms are served by that transformer, the idiom
    /// "register, retransform, remove" (OpenJPA's <c>ClassRedefiner</c>, Byte Buddy's
    /// <c>ClassFileLocator.AgentBased</c>), and say nothing about the agent's load-time transformers.
    /// </summary>
    private static bool RegistersCapable(MethodFacts method) =>
        method.Calls.Any(c => AgentApis.IsInstrumentation(c, "addTransformer") && !AgentApis.IsNotRetransformCapableRegistration(c));

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        (MethodFacts Method, CallSite Call)? retransform = null;
        var registrations = new List<(ClassFacts Class, MethodFacts Method, CallSite Call)>();
        foreach (var (owner, facts) in agent.Graph.Methods)
            foreach (var call in facts.Calls)
            {
                if (retransform is null && AgentApis.IsRetransform(call) && !RegistersCapable(facts)) retransform = (facts, call);
                else if (AgentApis.IsNotRetransformCapableRegistration(call) && !agent.Reflection.FallbackRegistrations.Contains((facts.Method, call.Pc)))
                    registrations.Add((owner, facts, call));
            }
        if (retransform is not { } r) return;
        string where = $"{r.Method.Method.DisplayName}, line {r.Call.Line.ToString(CultureInfo.InvariantCulture)}";
        foreach (var (owner, facts, call) in registrations)
        {
            string form = call.Arguments.Length == 2 ? "addTransformer(t)" : "addTransformer(t, false)";
            var properties = new Dictionary<string, double> { ["line"] = call.Line, ["bytecodeOffset"] = call.Pc };
            context.Report(Rule, owner.LocationAt(facts.Method, call.Pc, call.Line), properties, form,
                facts.Method.DisplayName, call.Line.ToString(CultureInfo.InvariantCulture), form, where);
        }
    }
}
