using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>jcmd VM.metaspace before and after one retransform that widened 457 ldc (tests/TestData/README.md).</summary>
public class VmMetaspaceTests
{
    private const double MB = 1 << 20;

    private static long Mb(double v) => (long)Math.Round(v * MB);

    private static long Kb(double v) => (long)Math.Round(v * 1024);

    [Fact]
    public void Both_reports_are_read()
    {
        var log = JvmLogs.Read(JvmLogs.VmMetaspaceBefore, JvmLogs.VmMetaspaceAfter);
        Assert.Equal(2, log.Snapshots.Count);
        var (before, after) = (log.Snapshots[0], log.Snapshots[1]);
        Assert.Equal(33, before.Loaders);
        Assert.Equal(1798, before.Classes);
        Assert.Equal(1057, before.SharedClasses);
        Assert.Equal(Mb(4.61), before.Both.UsedBytes);
        Assert.Equal(Kb(13.82), before.Both.DeallocatedBytes);

        Assert.Equal(1452, after.NonClass.DeallocatedBlocks);
        Assert.Equal(Mb(244.56), after.NonClass.DeallocatedBytes);
        Assert.Equal(Mb(248.92), after.NonClass.UsedBytes);
        Assert.Equal(Mb(331.32), after.NonClass.CapacityBytes);
        Assert.Equal(413, after.NonClass.Chunks);
        Assert.Equal(1458, after.TotalDeallocatedBlocks);
        Assert.Equal(Mb(592.00), after.ReservedBytes);
        Assert.Equal(Mb(208.00), after.ClassReservedBytes);
        Assert.Equal(256L << 20, after.MaxMetaspaceBytes);
        Assert.Equal(Mb(256.00), after.CurrentGcThresholdBytes);
        Assert.Equal(2, after.AllocationsFailedAtLimit);
        Assert.Equal(0, log.Lines.NotUnderstood);
    }

    [Fact]
    public void Deallocated_blocks_are_noted_as_fragmentation()
    {
        var d = MetaspaceAnalyzer.Analyze(JvmLogs.Read(JvmLogs.VmMetaspaceBefore, JvmLogs.VmMetaspaceAfter));
        var f = Assert.Single(d.Fragmentation, x => x.Kind == "deallocated-blocks");
        Assert.Contains("244.6 MB", f.Message);
        Assert.InRange(f.Numbers["share"], 0.95, 1.0);
        var pair = d.Snapshots[1];
        Assert.InRange(pair.UsedDeltaBytes!.Value, 244 * MB, 245 * MB);
        // The limit was hit (2 refused allocations): a leak, even with only two readings.
        Assert.Equal(LeakVerdict.Leak, d.Verdict);
        Assert.Contains("MaxMetaspaceSize", d.Headline);
    }

    [Fact]
    public void The_oom_usage_block_in_a_unified_log_is_a_reading()
    {
        var log = JvmLogs.Read(JvmLogs.Jdk17Leak);
        var oomReport = Assert.Single(log.Snapshots);
        Assert.True(oomReport.FromOomReport);
        Assert.Equal(Mb(127.72), oomReport.Both.UsedBytes);
        Assert.Equal(Mb(304.00), oomReport.ReservedBytes);
        Assert.Equal(128L << 20, oomReport.MaxMetaspaceBytes);
        Assert.Equal(43, oomReport.AllocationsFailedAtLimit);
    }
}
