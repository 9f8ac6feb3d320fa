using System.Runtime.CompilerServices;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Engine;

/// <summary>A finished input triggers a full collection only once the older generations have grown by the budget.</summary>
public class FinishedInputCollectorTests
{
    [Fact]
    public void Collects_once_promoted_garbage_passes_the_budget_and_not_before()
    {
        var collector = new FinishedInputCollector(32L << 20);
        PromoteGarbage(64L << 20);                          // an input's state, promoted while it ran, then dropped
        collector.InputFinished();
        Assert.Equal(1, collector.Collections);

        collector.InputFinished();                          // nothing grew since that collection
        Assert.Equal(1, collector.Collections);

        PromoteGarbage(64L << 20);
        int fullCollections = GC.CollectionCount(2);
        collector.InputFinished();
        Assert.Equal(2, collector.Collections);
        Assert.True(GC.CollectionCount(2) > fullCollections);
    }

    [Fact]
    public void Before_a_large_input_it_collects_whatever_the_growth()
    {
        var collector = new FinishedInputCollector(long.MaxValue);
        int fullCollections = GC.CollectionCount(2);
        collector.CollectNow();
        Assert.Equal(1, collector.Collections);
        Assert.True(GC.CollectionCount(2) > fullCollections);
    }

    [Fact]
    public void The_budget_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinishedInputCollector(0));

    /// <summary>Allocates <paramref name="bytes"/> in 1 MB arrays, has a gen1 collection promote them while they are referenced, and drops them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PromoteGarbage(long bytes)
    {
        var held = new List<byte[]>();
        for (long made = 0; made < bytes; made += 1 << 20) held.Add(new byte[(1 << 20) - 64]);
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        GC.KeepAlive(held);
    }
}
