using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform;
using static BytecodeLint.Analysis.Tests.Rules.RuleHarness;

namespace BytecodeLint.Analysis.Tests.Engine;

public class SuppressionTests
{
    private static IReadOnlyList<Diagnostic> ScanSample(string file, AnalyzerOptions? options = null) =>
        Scan([new CatchThrowableAnalyzer()], options ?? new AnalyzerOptions { TargetJdk = JdkTarget.Parse("17") },
            SampleClass("release17", "samples/app/" + file)).Diagnostics;

    [Fact]
    public void Class_annotation_suppresses_and_keeps_the_finding_with_its_justification()
    {
        var d = Assert.Single(ScanSample("SuppressedCatchThrowable.class"));
        Assert.True(d.IsSuppressed);
        Assert.Contains("SuppressBytecodeLint on samples.app.SuppressedCatchThrowable", d.SuppressedBy);
        Assert.Contains("never retransformed", d.SuppressedBy);
    }

    [Fact]
    public void Method_annotation_suppresses_a_finding_located_in_that_method()
    {
        var d = Assert.Single(ScanSample("SuppressedMethod.class"));
        Assert.True(d.IsSuppressed);
        Assert.Contains("SuppressedMethod.run(Ljava/lang/Runnable;)V", d.SuppressedBy);
    }

    [Fact]
    public void Method_annotation_does_not_hide_the_same_leak_in_another_method()
    {
        var d = Assert.Single(ScanSample("PartiallySuppressed.class"));
        Assert.False(d.IsSuppressed);
        Assert.Equal("unsuppressed", d.Location.Member);
    }

    [Fact]
    public void Annotation_names_are_configurable()
    {
        var options = new AnalyzerOptions { TargetJdk = JdkTarget.Parse("17"), SuppressionAnnotations = ["SomethingElse"] };
        Assert.False(Assert.Single(ScanSample("SuppressedCatchThrowable.class", options)).IsSuppressed);
    }

    [Fact]
    public void Annotation_for_another_rule_does_not_suppress()
    {
        var bytes = CatchThrowableWithAnnotation("BL0002", onClass: true);
        Assert.False(Assert.Single(RunOnBytes(new CatchThrowableAnalyzer(), bytes, "17")).IsSuppressed);
    }

    [Fact]
    public void Unused_suppression_is_reported_only_when_enabled()
    {
        var bytes = CatchThrowableWithAnnotation("BL0002", onClass: true);
        var dir = Directory.CreateTempSubdirectory("bl-supp-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "S.class"), bytes);
            var off = Scan([new CatchThrowableAnalyzer()], new AnalyzerOptions { TargetJdk = JdkTarget.Parse("17") }, dir.FullName).Diagnostics;
            Assert.Empty(off.Only("BL9004"));
            var on = Scan([new CatchThrowableAnalyzer()], new AnalyzerOptions
            {
                TargetJdk = JdkTarget.Parse("17"),
                SeverityOverrides = new Dictionary<string, Severity?> { ["BL9004"] = Severity.Warning },
            }, dir.FullName).Diagnostics;
            var unused = Assert.Single(on.Only("BL9004"));
            Assert.Equal(Severity.Warning, unused.Severity);
            Assert.Contains("BL0002", unused.Message);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Class_annotation_covers_nested_classes()
    {
        var outer = CatchThrowableWithAnnotation("BL0001", onClass: true, name: "p/Outer");
        var inner = CatchThrowableWithAnnotation(null, onClass: false, name: "p/Outer$Inner");
        var dir = Directory.CreateTempSubdirectory("bl-supp-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "Outer.class"), outer);
            File.WriteAllBytes(Path.Combine(dir.FullName, "Outer$Inner.class"), inner);
            var found = Scan([new CatchThrowableAnalyzer()], new AnalyzerOptions { TargetJdk = JdkTarget.Parse("17") }, dir.FullName).Diagnostics;
            Assert.Equal(2, found.Count);
            Assert.All(found, d => Assert.True(d.IsSuppressed));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static byte[] CatchThrowableWithAnnotation(string? ruleId, bool onClass, string name = "p/S")
    {
        var builder = new ClassBuilder(name).Version(0, 61);
        var pool = builder.Pool;
        int throwable = pool.Class("java/lang/Throwable");
        int print = pool.Methodref("java/lang/Throwable", "printStackTrace", "()V");
        var code = new CodeBuilder().Return().Op(CodeOpcodes.Astore1).Op(CodeOpcodes.Aload1).InvokeVirtual(print).Return();
        builder.Method(ClassAccess.Public, "run", "()V").Code(2, 2, code, c => c.Handler(0, 1, 1, throwable));
        if (ruleId is not null && onClass)
            builder.Attributes.RuntimeInvisibleAnnotations(new ClassAnnotation("Lp/SuppressBytecodeLint;").With("value", new[] { ruleId }));
        return builder.ToArray();
    }
}
