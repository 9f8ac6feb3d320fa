using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Analysis.Tests.Rules.RuleHarness;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL0002 on the committed sample agents (compiled from samples/java/src) and on real jars of the corpus.</summary>
public class BL0002Tests
{
    private static readonly PoolRebuildAnalyzer Analyzer = new();

    /// <summary>The 1-based line of the only source line containing <paramref name="text"/>, read from the sample's Java source.</summary>
    private static int SourceLine(string sourceFile, string text)
    {
        var path = Path.Combine(RepoPaths.Samples, "java", "src", "agent-rebuild", "samples", "agent", "rebuild", sourceFile);
        var lines = File.ReadAllLines(path);
        var hits = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)).ToList();
        return Assert.Single(hits) + 1;
    }

    [Fact]
    public void Rebuild_agent_has_the_three_seeded_writers_as_errors_at_their_source_lines()
    {
        var found = Run(Analyzer, SampleJar("agent-rebuild.jar")).Only("BL0002");
        var expected = new[]
        {
            ("samples.agent.rebuild.FreshPoolTransformer", "rewrite", SourceLine("FreshPoolTransformer.java", "new ClassWriter(")),
            ("samples.agent.rebuild.NullReaderTransformer", "transform", SourceLine("NullReaderTransformer.java", "new NullReaderWriter(")),
            ("samples.agent.rebuild.SubclassWriterTransformer", "transform", SourceLine("SubclassWriterTransformer.java", "new FreshPoolWriter(")),
        };
        Assert.Equal(expected, found.Select(d => (d.Location.Class!, d.Location.Member!, d.Location.Line ?? 0)).OrderBy(x => x.Item1, StringComparer.Ordinal));
        Assert.All(found, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Contains(found, d => d.Message.Contains("new NullReaderWriter(int) → ClassWriter(ClassReader, int) with a null ClassReader", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Message.Contains("new FreshPoolWriter(int) → ClassWriter(int)", StringComparison.Ordinal));
        // The helper is one call below FreshPoolTransformer.transform.
        Assert.Equal(1, found.Single(d => d.Location.Member == "rewrite").Properties["callsFromTransform"]);
    }

    [Fact]
    public void Good_agent_with_a_preserving_transformer_and_pure_generation_has_no_finding()
    {
        Assert.Empty(Run(Analyzer, SampleJar("agent-good.jar")).Only("BL0002"));
    }

    // ------------------------------------------------------------------ corpus (skipped when not installed)

    private const string JfrModule = "/usr/lib/jvm/java-17-openjdk-amd64/jmods/jdk.jfr.jmod";

    [Fact]
    public void Jdk17_jfr_instrumentation_of_existing_classes_is_reported_but_event_handler_generation_is_not()
    {
        if (!File.Exists(JfrModule)) return;
        var found = Run(Analyzer, JfrModule).Only("BL0002");
        // enhancers.md §2.1/§2.2: these three rewrite existing classes with ClassWriter(I)V; their entry
        // point is JVMUpcalls (a JVM upcall, not a ClassFileTransformer), so they are warnings.
        Assert.Equal(
            ["jdk.jfr.internal.EventInstrumentation.toByteArray", "jdk.jfr.internal.instrument.ConstructorTracerWriter.generateBytes", "jdk.jfr.internal.instrument.JIClassInstrumentation.makeBytecode"],
            found.Select(d => d.Location.Class + "." + d.Location.Member).Order(StringComparer.Ordinal));
        Assert.All(found, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.DoesNotContain(found, d => d.Location.Class!.Contains("EventHandlerCreator", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/usr/share/java/org.jacoco.agent.jar")] // nests jacocoagent.jar; Instrumenter$1 is new ClassWriter(reader, 0)
    [InlineData("/usr/share/java/byte-buddy.jar")]       // retaining writer by default
    [InlineData("/usr/share/java/asm-9.4.jar")]          // ASM itself is library code
    public void Preserving_enhancers_have_no_finding(string jar)
    {
        if (!File.Exists(jar)) return;
        Assert.Empty(Run(Analyzer, jar).Only("BL0002"));
    }
}
