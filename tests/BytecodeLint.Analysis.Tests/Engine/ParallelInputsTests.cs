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

    private static string Describe(Diagnostic d) => $"{d.Id} {d.Severity} {d.Location} {d.Message} {d.Evidence} {string.Join(",", d.Properties.OrderBy(p => p.Key))}";
}
