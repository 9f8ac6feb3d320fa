using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Scanning;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// BL0005–BL0007, BL0107 and BL0108 on the compiled samples whose behaviour was measured on JDK 17 and 25
/// (samples/java/measure/results/README-turn3.md): each positive fires, each control stays silent.
/// </summary>
public sealed class HazardSampleTests
{
    private static string Jar(string name) => Path.Combine(RepoPaths.Samples, "java", "jars", name);

    private static IReadOnlyList<Diagnostic> Scan(string jar, string? transformed = null, string? jdk = null) =>
        ScanPipeline.Run(new ScanRequest
        {
            Inputs = [ScanInput.FromPath(Jar(jar))],
            Transformed = transformed is null ? null : ScanInput.FromPath(Jar(transformed)),
            TargetJdk = JdkTarget.Parse(jdk),
        }).Result.Diagnostics;

    private static HashSet<string?> Classes(IEnumerable<Diagnostic> found, string id) =>
        found.Where(d => d.Id == id).Select(d => d.Location.Class?.Split('.').Last()).ToHashSet();

    [Fact]
    public void BL0005_fires_on_executed_lambda_sites_and_not_on_clinit_or_concat()
    {
        var found = Scan("hazard-indy.jar", jdk: "17");
        var classes = Classes(found, RuleIds.IndyRelink);
        Assert.Contains("LambdaSites", classes);
        Assert.Contains("AltLambdaSites", classes);
        Assert.Contains("MethodRefSites", classes);
        Assert.DoesNotContain("ClinitOnlyLambda", classes);
        Assert.DoesNotContain("StringConcatSites", classes);
        Assert.DoesNotContain("NoIndy", classes);
        Assert.DoesNotContain("TypeSwitchSites", classes); // JDK 17 spins no class per typeSwitch site (measured)
        Assert.Contains("TypeSwitchSites", Classes(Scan("hazard-indy.jar", jdk: "25"), RuleIds.IndyRelink));
        Assert.Single(found, d => d.Id == RuleIds.IndyRelink && d.Location.Class is null); // the input's total
    }

    [Fact]
    public void BL0006_reports_every_shape_change_and_no_body_only_change()
    {
        var found = Scan("hazard-shape-original.jar", "hazard-shape-transformed.jar");
        var classes = Classes(found, RuleIds.ShapeChange);
        foreach (var shape in new[] { "AddField", "RemoveField", "AddMethod", "RemoveMethod", "AddPrivateMethod", "RemovePrivateMethod", "ChangeSuperclass", "ChangeInterfaces", "ChangeClassModifiers", "ChangeMethodModifiers", "AddLambda", "SealedShape", "RecordSignature" })
            Assert.Contains(shape, classes);
        Assert.DoesNotContain("BodyOnly", classes);
        Assert.DoesNotContain("BatchBodyOnly", classes);
        Assert.Contains(found, d => d.Id == RuleIds.ShapeChange && d.Message.Contains("attempted to add a method"));
        Assert.Contains(found, d => d.Id == RuleIds.ShapeChange && d.Message.Contains("attempted to change the schema (add/remove fields)"));
        Assert.All(found.Where(d => d.Id == RuleIds.ShapeChange), d => Assert.Equal(Severity.Error, d.Severity));
    }

    [Fact]
    public void BL0007_fires_on_pools_with_both_signed_zeros_only()
    {
        var found = Scan("hazard-zeros.jar");
        var classes = Classes(found, RuleIds.SignedZeros);
        Assert.Contains("PosZeroFirstDouble", classes);
        Assert.Contains("PosZeroFirstFloat", classes);
        Assert.Contains("BothZerosDouble", classes);
        Assert.DoesNotContain("NegZeroOnly", classes);
        Assert.DoesNotContain("MixedTypeZeros", classes);
        // +0.0 before -0.0 (the order that flips 1/x, measured) is the warning; javac's order is a note.
        Assert.Equal(Severity.Warning, found.Single(d => d.Location.Class!.EndsWith("PosZeroFirstDouble", StringComparison.Ordinal)).Severity);
        Assert.Equal(Severity.Note, found.Single(d => d.Location.Class!.EndsWith("BothZerosDouble", StringComparison.Ordinal)).Severity);
    }

    [Fact]
    public void BL0107_fires_on_every_transformer_returning_its_buffer_and_not_on_null_returns()
    {
        var found = Scan("agent-buffer.jar");
        var classes = Classes(found, RuleIds.ReturnsClassfileBuffer);
        foreach (var positive in new[] { "ReturnsBufferTransformer", "HelperReturnsBufferTransformer", "BufferAgent$1", "BufferAgent$InnerTransformer", "ConditionalBufferTransformer", "ModuleFormBufferTransformer" })
            Assert.Contains(positive, classes);
        Assert.Equal(6, found.Count(d => d.Id == RuleIds.ReturnsClassfileBuffer));
    }

    [Fact]
    public void BL0108_fires_on_a_run_time_append_and_not_on_a_manifest_boot_class_path()
    {
        Assert.Contains(Scan("agent-bootappend.jar"), d => d.Id == RuleIds.BootSearchAppend && d.Message.Contains("Sharing is only supported for boot loader classes"));
        Assert.DoesNotContain(Scan("agent-bootpath.jar"), d => d.Id == RuleIds.BootSearchAppend);
    }
}
