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
    public void The_first_unreadable_input_in_command_line_order_is_the_one_reported()
    {
        string missingA = Path.Combine(Path.GetTempPath(), $"bl-missing-a-{Guid.NewGuid():N}.jar");
        string missingB = Path.Combine(Path.GetTempPath(), $"bl-missing-b-{Guid.NewGuid():N}.jar");
        var engine = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 4);

        for (int run = 0; run < 5; run++)
        {
            var e = Assert.Throws<InputException>(() => engine.Scan([Path.Combine(Jars, "fat-app.jar"), missingB, Path.Combine(Jars, "app.jar"), missingA]));
            Assert.Equal(missingB, e.InputPath);
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
