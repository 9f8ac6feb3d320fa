using System.Collections.Immutable;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Engine;

/// <summary>Inputs are scanned side by side; what the caller sees must not depend on which finishes first.</summary>
public class ParallelInputsTests
{
    private static readonly string Jars = Path.Combine(RepoPaths.Root, "samples", "java", "jars");

    [Fact]
    public void Every_unreadable_input_is_reported_in_command_line_order_and_the_others_are_scanned()
    {
        string missingA = Path.Combine(Path.GetTempPath(), $"bl-missing-a-{Guid.NewGuid():N}.jar");
        string missingB = Path.Combine(Path.GetTempPath(), $"bl-missing-b-{Guid.NewGuid():N}.jar");
        var engine = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 4);
        var alone = engine.Scan([Path.Combine(Jars, "fat-app.jar"), Path.Combine(Jars, "app.jar")]);

        for (int run = 0; run < 5; run++)
        {
            var result = engine.Scan([Path.Combine(Jars, "fat-app.jar"), missingB, Path.Combine(Jars, "app.jar"), missingA]);
            Assert.Equal([missingB, missingA], result.InputErrors.Select(e => e.Path));
            Assert.All(result.InputErrors, e => Assert.Contains("no such file", e.Message));
            Assert.Equal(alone.Inputs.Select(i => i.Path), result.Inputs.Select(i => i.Path));
            Assert.Equal(alone.Diagnostics.Select(d => d.Message), result.Diagnostics.Select(d => d.Message));
        }
    }

    [Fact]
    public void Summaries_follow_the_command_line_order_and_findings_are_the_same_as_one_input_at_a_time()
    {
        string[] inputs = [.. new[] { "widening.jar", "agent-rebuild.jar", "app.jar", "fat-app.jar", "agent-bad.jar" }.Select(n => Path.Combine(Jars, n))];
        var together = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 4).Scan(inputs);

        Assert.Equal(inputs, together.Inputs.Select(i => i.Path));
        var alone = inputs.SelectMany(i => new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 1).Scan([i]).Diagnostics).ToList();
        alone.Sort(new DiagnosticOrder(inputs));
        Assert.NotEmpty(alone);
        Assert.Equal(alone.Select(Describe), together.Diagnostics.Select(Describe));
    }

    /// <summary>Two end actions that can only finish together: each waits at a barrier for the other.</summary>
    private sealed class MeetAtTheEnd(Barrier barrier) : BytecodeAnalyzer
    {
        public int Met;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterArtifactStartAction(start => start.RegisterArtifactEndAction(_ =>
            {
                if (barrier.SignalAndWait(TimeSpan.FromSeconds(30))) Interlocked.Increment(ref Met);
            }));
    }

    /// <summary>
    /// The rules' end actions of one input run side by side (BL0002's flow beside the agent rules' graphs):
    /// run one after the other, the first would wait out the barrier's timeout alone.
    /// </summary>
    [Fact]
    public void End_actions_of_one_input_run_side_by_side_and_the_findings_stay_the_same()
    {
        using var barrier = new Barrier(2);
        var first = new MeetAtTheEnd(barrier);
        var second = new MeetAtTheEnd(barrier);
        new ScanEngine([first, second], maxDegreeOfParallelism: 2).Scan([Path.Combine(Jars, "app.jar")]);
        Assert.Equal((1, 1), (first.Met, second.Met));

        // All rules, an input whose end actions report (agent rules, BL0002): the same findings one at a time or side by side.
        string input = Path.Combine(Jars, "agent-rebuild.jar");
        var sequential = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 1).Scan([input]).Diagnostics;
        var parallel = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 2).Scan([input]).Diagnostics;
        Assert.Contains(sequential, d => d.Id == "BL0002");
        Assert.Equal(sequential.Select(Describe), parallel.Select(Describe));
    }

    private static string Describe(Diagnostic d) => $"{d.Id} {d.Severity} {d.Location} {d.Message} {d.Evidence} {string.Join(",", d.Properties.OrderBy(p => p.Key))}";
}
