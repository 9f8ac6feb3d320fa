using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Agent;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL01xx on the committed sample agents (samples/java/README.md, "Agents") and on the real agents of the corpus when installed.</summary>
public class BL01SampleTests
{
    private static IReadOnlyList<Diagnostic> Agent(string path) =>
        RuleHarness.Scan([new AgentAnalyzer()], null, path).Diagnostics;

    [Fact]
    public void Agent_bad_has_one_finding_per_seeded_bug_at_the_class_that_seeds_it()
    {
        var found = Agent(RuleHarness.SampleJar("agent-bad.jar"))
            .Select(d => (d.Id, d.Location.Class ?? d.Location.Entry)).Order().ToList();

        // samples/java/README.md, agent-bad.jar: one class per misuse. Every retransformClasses call of
        // the jar is also BL0101 (the manifest has no Can-Retransform-Classes): the five call sites.
        (string, string)[] expected =
        [
            ("BL0101", "samples.agent.bad.MissingRedefineCapability"),
            ("BL0101", "samples.agent.bad.MissingRetransformCapability"),
            ("BL0101", "samples.agent.bad.OneArgAddTransformer"),
            ("BL0101", "samples.agent.bad.RetransformInLoop"),
            ("BL0101", "samples.agent.bad.ScheduledRetransform"),
            ("BL0101", "samples.agent.bad.ScheduledRunnableRetransform$1"),
            ("BL0102", "samples.agent.bad.NoAgentmain"),
            ("BL0104", "samples.agent.bad.OneArgAddTransformer"),
            ("BL0105", "samples.agent.bad.RetransformInLoop"),
            ("BL0105", "samples.agent.bad.ScheduledRetransform"),
            ("BL0105", "samples.agent.bad.ScheduledRunnableRetransform"),
            ("BL0106", "samples.agent.bad.BufferCopyingTransformer"),
            ("BL0106", "samples.agent.bad.BufferPatchingTransformer"),
        ];
        Assert.Equal(expected.Order().ToList(), found);
    }

    [Fact]
    public void Agent_bad_findings_point_at_the_seeded_lines()
    {
        var found = Agent(RuleHarness.SampleJar("agent-bad.jar"));
        // Lines from samples/java/src/agent-bad (javac -g): the for loop, the scheduling calls, the writes.
        Assert.Equal(15, found.Single(d => d.Id == "BL0105" && d.Location.Class == "samples.agent.bad.RetransformInLoop").Location.Line);
        Assert.Equal("start", found.Single(d => d.Id == "BL0105" && d.Location.Class == "samples.agent.bad.ScheduledRetransform").Location.Member);
        Assert.Equal(17, found.Single(d => d.Id == "BL0106" && d.Location.Class == "samples.agent.bad.BufferPatchingTransformer").Location.Line);
        Assert.Equal(18, found.Single(d => d.Id == "BL0106" && d.Location.Class == "samples.agent.bad.BufferCopyingTransformer").Location.Line);
        Assert.Contains("agentMain", found.Single(d => d.Id == "BL0102").Message);
    }

    [Fact]
    public void Missing_boot_class_path_jar_is_found_when_the_distribution_folder_is_scanned()
    {
        var jars = Path.GetDirectoryName(RuleHarness.SampleJar("agent-bad.jar"))!;
        var d = Assert.Single(Agent(jars).Only("BL0103"));
        Assert.Contains("names 'missing-helper.jar'", d.Message);
        Assert.EndsWith("agent-bad.jar!/META-INF/MANIFEST.MF", d.Location.Entry);
    }

    [Theory]
    [InlineData("agent-good.jar")]
    [InlineData("agent-rebuild.jar")]
    [InlineData("fat-app.jar")]   // nests agent-good.jar in BOOT-INF/lib
    [InlineData("app.jar")]       // no agent at all
    public void Correct_agents_and_applications_have_no_agent_finding(string jar) =>
        Assert.Empty(Agent(RuleHarness.SampleJar(jar)));

    [Theory]
    [InlineData("/usr/share/java/byte-buddy-agent.jar")] // Premain-Class and Agent-Class net.bytebuddy.agent.Installer, both capabilities
    [InlineData("/usr/share/java/org.jacoco.agent.jar")] // nests jacocoagent.jar (Premain-Class only, no retransformation)
    [InlineData("/usr/share/java/h2-2.1.214.jar")]       // Premain-Class org.h2.util.Profiler: the whole H2 jar is agent code
    public void Real_agents_of_the_corpus_are_silent(string jar)
    {
        if (!File.Exists(jar)) return; // corpus not installed on this machine
        Assert.Empty(Agent(jar));
    }

    [Fact]
    public void The_nested_JaCoCo_agent_is_recognised_as_agent_code()
    {
        const string JaCoCo = "/usr/share/java/org.jacoco.agent.jar";
        if (!File.Exists(JaCoCo)) return;
        using var artifact = BytecodeLint.Analysis.Inputs.Artifact.Open(JaCoCo);
        var agent = Assert.Single(artifact.Archives, AgentManifest.IsAgent);
        Assert.Equal(JaCoCo + "!/jacocoagent.jar", agent.Location);
    }
}
