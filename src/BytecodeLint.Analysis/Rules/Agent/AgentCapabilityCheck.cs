using System.Globalization;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0101 — <c>retransformClasses</c> without <c>Can-Retransform-Classes: true</c>, <c>redefineClasses</c>
/// without <c>Can-Redefine-Classes: true</c>. Conservative: when the agent's code asks
/// <c>isRetransformClassesSupported()</c> (or <c>isRedefineClassesSupported()</c>) anywhere, the calls are
/// taken to be guarded and nothing is reported for that capability. Reflective calls count as calls
/// (<see cref="AgentReflection"/>), queries included.
/// </summary>
internal static class AgentCapabilityCheck
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.MissingCapability,
        "Agent calls retransformClasses or redefineClasses without the manifest capability",
        "{0} (line {1}) calls Instrumentation.{2} but the manifest of {3} lacks '{4}: true', so the call throws UnsupportedOperationException; add the attribute to the agent manifest",
        Categories.Agent,
        Severity.Error,
        IsEnabledByDefault: true,
        "The JVM grants an agent the ability to retransform or redefine classes only when its manifest says Can-Retransform-Classes: true or Can-Redefine-Classes: true. Without it, Instrumentation.isRetransformClassesSupported() is false and retransformClasses/redefineClasses throw UnsupportedOperationException.");

    private static readonly (string Method, string Attribute, string Query)[] Capabilities =
    [
        ("retransformClasses", "Can-Retransform-Classes", "isRetransformClassesSupported"),
        ("redefineClasses", "Can-Redefine-Classes", "isRedefineClassesSupported"),
    ];

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        foreach (var (method, attribute, query) in Capabilities)
        {
            if (agent.IsTrue(attribute)) continue;
            var sites = new List<(ClassFacts Class, MethodFacts Method, CallSite Call)>();
            bool guarded = false;
            foreach (var (owner, facts) in agent.Graph.Methods)
                foreach (var call in facts.Calls)
                {
                    if (AgentApis.IsInstrumentation(call, query)) guarded = true;
                    else if (AgentApis.IsInstrumentation(call, method)) sites.Add((owner, facts, call));
                }
            if (guarded) continue;
            foreach (var (owner, facts, call) in sites)
            {
                var properties = new Dictionary<string, double> { ["line"] = call.Line, ["bytecodeOffset"] = call.Pc };
                context.Report(Rule, owner.LocationAt(facts.Method, call.Pc, call.Line), properties,
                    $"{method} without {attribute}",
                    facts.Method.DisplayName, call.Line.ToString(CultureInfo.InvariantCulture),
                    agent.Reflection.ReflectiveSites.Contains(call) ? method + " (reflectively, through Method.invoke)" : method, agent.Archive.Location, attribute);
            }
        }
    }
}
