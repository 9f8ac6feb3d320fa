using System.Globalization;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0101 — <c>retransformClasses</c> without <c>Can-Retransform-Classes: true</c>, <c>redefineClasses</c>
/// without <c>Can-Redefine-Classes: true</c>. Conservative: when the agent's code asks
/// <c>isRetransformClassesSupported()</c> (or <c>isRedefineClassesSupported()</c>) anywhere, the calls are
/// taken to be guarded and nothing is reported for that capability.
/// </summary>
internal static class AgentCapabilityCheck
{
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
                context.Report(AgentDescriptors.MissingCapability, owner.LocationAt(facts.Method, call.Pc, call.Line), properties,
                    $"{method} without {attribute}",
                    facts.Method.DisplayName, call.Line.ToString(CultureInfo.InvariantCulture), method, agent.Archive.Location, attribute);
            }
        }
    }
}
