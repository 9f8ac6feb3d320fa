using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>The same program on Temurin 25.0.3: JDK-8308762 is fixed, 2,500 retransforms, no growth.</summary>
public class Jdk25NoLeakLogTests
{
    private static readonly Lazy<MetaspaceDiagnosis> Diagnosis = new(() => JvmLogs.Diagnose(JvmLogs.Jdk25NoLeak));

    [Fact]
    public void No_leak()
    {
        var d = Diagnosis.Value;
        Assert.Equal(LeakVerdict.NoLeak, d.Verdict);
        Assert.StartsWith("NO LEAK", d.Headline);
        Assert.Equal(GrowthShape.Flat, d.Fit!.Shape);
        Assert.Null(d.Limit.OomSpace);
        Assert.InRange(d.LastRetainedBytes!.Value - d.FirstRetainedBytes!.Value, -(1L << 20), 1L << 20);
    }

    [Fact]
    public void The_pool_does_not_grow()
    {
        var d = Diagnosis.Value;
        var c = d.Classes[0];
        Assert.Equal("t1.CatchThrowable", c.ClassName);
        Assert.InRange(c.Redefinitions, 2500, 2501);
        Assert.Equal(PoolGrowthPattern.None, c.Pattern);
        Assert.Equal(39, c.LastPoolLength);
        Assert.Null(c.RuleId);
        Assert.Equal(0, d.Lines.NotUnderstood);
    }
}
