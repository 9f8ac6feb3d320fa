using System.Collections.Immutable;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0101–BL0108 — what an agent jar must get right before release (docs/design/hotspot.md §5 and §6):
/// manifest capabilities and entry points, Boot-Class-Path, retransform-capable transformers,
/// retransformation in loops or periodic tasks, transformers writing into or returning the JVM's
/// buffer, and run-time appends to the boot class path.
/// Runs only on agent code: classes of archives whose manifest names an agent class (and of the
/// jars nested in them), one call graph per agent (<see cref="AgentUnit"/>); inputs without an
/// agent cost nothing. One analyzer so the agent's call graph is built once for all eight checks.
/// </summary>
public sealed class AgentAnalyzer : BytecodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
    [
        AgentCapabilityCheck.Rule, AgentEntryPointCheck.Rule, AgentBootClassPathCheck.Rule,
        AgentTransformerRegistrationCheck.Rule, AgentRetransformLoopCheck.Rule, AgentRetransformLoopCheck.RequestDrivenRule, AgentBufferWriteCheck.Rule,
        AgentReturnsBufferCheck.Rule, AgentReturnsBufferCheck.NotCapableRule, AgentBootSearchAppendCheck.Rule,
    ];

    public override void Initialize(AnalyzerRegistration registration) =>
        registration.RegisterArtifactStartAction(start => AgentUnit.Collect(start, Analyze));

    private static void Analyze(ArtifactEndContext context, IReadOnlyList<AgentUnit> agents)
    {
        foreach (var agent in agents)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            AgentCapabilityCheck.Run(context, agent);
            AgentEntryPointCheck.Run(context, agent);
            AgentBootClassPathCheck.Run(context, agent);
            AgentTransformerRegistrationCheck.Run(context, agent);
            AgentRetransformLoopCheck.Run(context, agent);
            AgentBufferWriteCheck.Run(context, agent);
            AgentReturnsBufferCheck.Run(context, agent);
            AgentBootSearchAppendCheck.Run(context, agent);
        }
    }
}
