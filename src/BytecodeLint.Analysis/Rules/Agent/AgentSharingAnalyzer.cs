using System.Collections.Immutable;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0107 and BL0108 — agent code that costs every class loaded after it: a transformer returning the
/// unchanged buffer (a pinned copy of the class bytes, lost CDS sharing) and a run-time append to the
/// bootstrap class path (class-data sharing off outside the boot loader). Like <see cref="AgentAnalyzer"/>
/// it runs only on agent jars, through <see cref="AgentUnit"/>; kept apart so the BL0101–BL0106 analyzer is
/// not edited (it builds the agent's call graph a second time; agents are small).
/// </summary>
public sealed class AgentSharingAnalyzer : BytecodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
        [AgentReturnsBufferCheck.Rule, AgentReturnsBufferCheck.NotCapableRule, AgentBootSearchAppendCheck.Rule];

    public override void Initialize(AnalyzerRegistration registration) =>
        registration.RegisterArtifactStartAction(start => AgentUnit.Collect(start, Analyze));

    private static void Analyze(ArtifactEndContext context, IReadOnlyList<AgentUnit> agents)
    {
        foreach (var agent in agents)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            AgentReturnsBufferCheck.Run(context, agent);
            AgentBootSearchAppendCheck.Run(context, agent);
        }
    }
}
