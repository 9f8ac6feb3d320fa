using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>JDK 8 -XX:+PrintGCDetails -XX:+PrintGCDateStamps -XX:+PrintHeapAtGC lines (tests/TestData/logs/jdk8-format-examples.log).</summary>
public class Jdk8FormatTests
{
    private static readonly Lazy<MetaspaceLog> Log = new(() => JvmLogs.Read(JvmLogs.Jdk8Examples));

    [Fact]
    public void Metaspace_transitions_carry_used_and_reserved()
    {
        var transitions = Log.Value.Samples.Where(s => s.Kind == SampleKind.AfterGc).ToList();
        Assert.Equal(4, transitions.Count);
        var first = transitions[0];
        Assert.Equal(1142318L * 1024, first.UsedBeforeBytes);
        Assert.Equal(1142318L * 1024, first.UsedBytes);
        Assert.Equal(1265664L * 1024, first.ReservedBytes); // JDK 8's parenthesis is the reservation, not committed
        Assert.Null(first.CommittedBytes);
        Assert.Equal("Metadata GC Threshold", first.Cause);
        Assert.Equal(new DateTimeOffset(2021, 11, 30, 8, 50, 44, 641, TimeSpan.FromHours(8)), first.Time);
    }

    [Fact]
    public void Heap_printouts_carry_capacity_committed_and_class_space()
    {
        var heap = Log.Value.Samples.Where(s => s.Kind == SampleKind.HeapPrintout).ToList();
        Assert.Equal(4, heap.Count);
        Assert.Equal(410659L * 1024, heap[0].UsedBytes);
        Assert.Equal(455416L * 1024, heap[0].CapacityBytes);
        Assert.Equal(455424L * 1024, heap[0].CommittedBytes);
        Assert.Equal(456704L * 1024, heap[0].ReservedBytes);
        var withClass = heap[2];
        Assert.Equal(20669L * 1024, withClass.UsedBytes);
        Assert.Equal(1243L * 1024, withClass.ClassUsedBytes);
        Assert.Equal(8064L * 1024, withClass.ClassCommittedBytes);
        Assert.Equal(1048576L * 1024, withClass.ClassReservedBytes);
    }

    [Fact]
    public void Metadata_GC_threshold_collections_are_counted_young_and_full()
    {
        var collections = Log.Value.Collections;
        Assert.Equal(5, collections.Count(c => c.IsMetadataThreshold)); // four Full GCs and one young GC
        Assert.All(collections.Where(c => c.MetaspaceAfterBytes != null), c => Assert.Equal(c.MetaspaceBeforeBytes, c.MetaspaceAfterBytes));
    }

    [Fact]
    public void The_oom_is_found()
    {
        var oom = Assert.Single(Log.Value.OutOfMemoryErrors);
        Assert.Equal("Metaspace", oom.Space);
        Assert.Equal(21, oom.Position.Line);
    }

    [Fact]
    public void Committed_far_above_used_is_reported_as_fragmentation()
    {
        var d = MetaspaceAnalyzer.Analyze(Log.Value);
        var f = Assert.Single(d.Fragmentation);
        Assert.Equal("committed-above-used", f.Kind);
        Assert.Equal(20669 * 1024, f.Numbers["usedBytes"]);
        Assert.Equal(35456 * 1024, f.Numbers["committedBytes"]);
        // The readings of several incidents are mixed: the report says so instead of drawing a trend.
        Assert.Contains(d.Evidence, e => e.Contains("mixes several runs"));
        Assert.Equal(0, d.Lines.NotUnderstood);
    }
}
