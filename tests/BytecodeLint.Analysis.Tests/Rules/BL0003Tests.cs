using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Rules.Retransform;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Analysis.Tests.Rules.RuleHarness;

namespace BytecodeLint.Analysis.Tests.Rules;

public class BL0003Tests
{
    private static readonly ExpensiveWideningAnalyzer Analyzer = new();

    [Fact]
    public void Widening_sample_matches_the_jvm_measurement()
    {
        // samples/java/README.md: OpenJDK 17.0.15 widened 607 ldc of BigStackMapWidening.run(I)I
        // under a fresh-pool ASM writer, +379.1 MiB of Metaspace in one retransform.
        var d = Assert.Single(Run(Analyzer, SampleJar("widening.jar")).Only("BL0003"));
        Assert.Equal("run", d.Location.Member);
        Assert.Equal("(I)I", d.Location.MemberDescriptor);
        Assert.InRange(d.Properties["worstCaseWidenedLdc"], 607 * 0.95, 607 * 1.05);
        Assert.InRange(d.Properties["estimatedBytes"], 379.1 * 1024 * 1024 * 0.85, 379.1 * 1024 * 1024 * 1.15);
        Assert.Equal(502_642, d.Properties["S"]);
        Assert.Equal(440_005, d.Properties["stackMapTableLength"]);
        Assert.Equal(866, d.Properties["ldcW"]);
    }

    [Fact]
    public void Big_stack_map_in_app_jar_is_reported_as_a_worst_case()
    {
        var d = Assert.Single(Run(Analyzer, SampleJar("app.jar")).Only("BL0003"));
        Assert.Equal("samples.app.BigStackMap", d.Location.Class);
        Assert.True(d.Properties["estimatedBytes"] >= 64 * 1024 * 1024);
    }

    [Theory]
    [InlineData("ldc-smt6k-w115-rebuild")]
    [InlineData("ldc-smt216k-w30-rebuild")]
    [InlineData("exp1-CatchThrowable")]
    public void Cases_below_the_default_threshold_are_silent(string caseName)
    {
        Assert.Empty(Run(Analyzer, Oracle(caseName)));
    }

    [Fact]
    public void Threshold_is_configurable()
    {
        // ldc-smt6k-w115: measured +7.4 MiB on the first retransform; with a 1 MiB threshold it is reported.
        var options = new AnalyzerOptions
        {
            RuleSettings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["BL0003.threshold_mib"] = "1" },
        };
        var d = Assert.Single(Scan([Analyzer], options, Oracle("ldc-smt6k-w115-rebuild")).Diagnostics);
        Assert.Equal(1024 * 1024, d.Properties["thresholdBytes"]);
    }

    [Fact]
    public void Small_stack_map_control_is_silent()
    {
        Assert.Empty(Run(Analyzer, SampleClass("release17", "samples/app/SmallStackMap.class")));
    }

    [Fact]
    public void Constants_below_256_never_widen()
    {
        // A pool of 300 entries whose only ldc loads a String at index < 256: W = 0 even with a huge stack map.
        var builder = new ClassBuilder("p/Low").Version(0, 61);
        int str = builder.Pool.String("low");
        builder.Pool.PadTo(300);
        var code = new CodeBuilder();
        for (int i = 0; i < 2000; i++) code.Ldc(str).Op(CodeOpcodes.Pop);
        code.Return();
        var smt = new byte[2 + 60000];
        smt[0] = 0; smt[1] = 0; // number_of_entries = 0, padded: only attribute_length matters to S
        builder.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V").Code(1, 0, code, c => c.Attribute("Padding", smt));
        var options = new AnalyzerOptions
        {
            RuleSettings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["BL0003.threshold_mib"] = "0.001",
                ["BL0003.enhancer_ldc_per_method"] = "0",
            },
        };
        var dir = Directory.CreateTempSubdirectory("bl3-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "Low.class"), builder.ToArray());
            Assert.Empty(Scan([Analyzer], options, dir.FullName).Diagnostics);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
