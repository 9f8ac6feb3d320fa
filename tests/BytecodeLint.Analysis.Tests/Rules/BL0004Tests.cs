using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Rules.Retransform;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Analysis.Tests.Rules.RuleHarness;

namespace BytecodeLint.Analysis.Tests.Rules;

public class BL0004Tests
{
    private static readonly NaNConstantAnalyzer Analyzer = new();

    [Theory]
    [InlineData("17")]
    [InlineData("25")]
    [InlineData(null)]
    public void Oracle_case_overflows_at_the_15th_retransform_on_every_jdk(string? jdk)
    {
        // Measured (tests/TestData/oracle/cases/nan-javac): 29 → 32 → … → 24,602 after 13 retransforms; doubling
        // the NaN copies again gives 49,178 after 14 and > 65,535 after the 15th.
        var d = Assert.Single(Run(Analyzer, Oracle("nan-javac"), jdk));
        Assert.Equal(2, d.Properties["nanEntries"]);
        Assert.Equal(29, d.Properties["constantPoolCount"]);
        Assert.Equal(15, d.Properties["retransformsToOverflow"]);
        Assert.Equal(Severity.Warning, d.Severity); // escalation is opt-in (error_at_or_below defaults to 0)
        Assert.Equal("run", d.Location.Member);
        Assert.NotNull(d.Location.Line);
    }

    [Theory]
    [InlineData("samples/app/NaNConstants.class", 2)]
    [InlineData("samples/app/FloatNaNOnly.class", 1)]
    [InlineData("samples/app/DoubleNaNOnly.class", 1)]
    public void Sample_positives(string file, int nanEntries)
    {
        var d = Assert.Single(Run(Analyzer, SampleClass("release17", file)));
        Assert.Equal(nanEntries, d.Properties["nanEntries"]);
    }

    [Fact]
    public void Specials_control_is_silent()
    {
        Assert.Empty(Run(Analyzer, SampleClass("release17", "samples/app/FloatSpecials.class")));
    }

    public static TheoryData<string, bool> Patterns() => new()
    {
        { "float:7fc00000", true },      // canonical float NaN
        { "float:7f800001", true },      // signalling NaN
        { "float:ffc00001", true },      // negative NaN payload
        { "double:7ff8000000000000", true },
        { "double:7ff0000000000001", true },
        { "double:fff8000000000001", true },
        { "float:7f800000", false },     // +infinity
        { "float:ff800000", false },     // -infinity
        { "float:80000000", false },     // -0.0
        { "float:00000000", false },     // +0.0
        { "double:7ff0000000000000", false },
        { "double:8000000000000000", false },
        { "double:7fefffffffffffff", false }, // Double.MAX_VALUE
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Any_nan_bit_pattern_fires_and_nothing_else_does(string pattern, bool fires)
    {
        var builder = new ClassBuilder("p/Bits").Version(0, 61);
        var (kind, hex) = (pattern.Split(':')[0], pattern.Split(':')[1]);
        int index = kind == "float"
            ? builder.Pool.FloatBits(Convert.ToUInt32(hex, 16))
            : builder.Pool.DoubleBits(Convert.ToUInt64(hex, 16));
        var code = kind == "float" ? new CodeBuilder().Ldc(index).Op(CodeOpcodes.Pop).Return() : new CodeBuilder().Ldc2W(index).Op(CodeOpcodes.Pop2).Return();
        builder.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V").Code(2, 0, code, c => c.LineNumberTable((0, 7)));
        var found = RunOnBytes(Analyzer, builder.ToArray());
        Assert.Equal(fires ? 1 : 0, found.Count);
        if (fires)
        {
            Assert.Equal("m", found[0].Location.Member);
            Assert.Equal(0, found[0].Location.BytecodeOffset);
            Assert.Equal(7, found[0].Location.Line);
        }
    }

    [Fact]
    public void Unloaded_nan_constant_still_fires_at_class_level()
    {
        var builder = new ClassBuilder("p/Unused").Version(0, 61);
        builder.Pool.Double(double.NaN);
        var d = Assert.Single(RunOnBytes(Analyzer, builder.ToArray()));
        Assert.Null(d.Location.Member);
    }

    [Theory]
    [InlineData("3", Severity.Warning)]  // overflows at the 15th: not within 3
    [InlineData("16", Severity.Error)]   // within 16: escalated, with the declared error descriptor
    [InlineData("0", Severity.Warning)]  // the default: never escalate
    public void Error_threshold_is_configurable(string errorAtOrBelow, Severity expected)
    {
        var options = new AnalyzerOptions
        {
            RuleSettings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["BL0004.error_at_or_below"] = errorAtOrBelow },
        };
        var d = Assert.Single(Scan([Analyzer], options, Oracle("nan-javac")).Diagnostics);
        Assert.Equal(expected, d.Severity);
        Assert.Contains(d.Descriptor, Analyzer.SupportedDiagnostics);
    }

    [Fact]
    public void Configured_severity_overrides_the_escalation()
    {
        var options = new AnalyzerOptions { SeverityOverrides = new Dictionary<string, Severity?> { ["BL0004"] = Severity.Note } };
        Assert.Equal(Severity.Note, Assert.Single(Scan([Analyzer], options, Oracle("nan-javac")).Diagnostics).Severity);
    }
}
