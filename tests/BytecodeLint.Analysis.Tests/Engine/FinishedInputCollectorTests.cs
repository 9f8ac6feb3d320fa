using System.Runtime.CompilerServices;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Engine;

/// <summary>
/// A finished input triggers a full collection only once the older generations have grown by the budget.
/// The policy is tested on a heap of its own (the GC is process-wide and other test classes run beside
/// these); one test drives the real GC, in a collection that runs alone.
/// </summary>
public class FinishedInputCollectorTests
{
    private const long MB = 1L << 20;

    [Fact]
    public void Collects_once_the_older_generations_grew_by_the_budget_and_not_before()
    {
        var heap = new FakeHeap { Older = 10 * MB, LiveAfterCollection = 10 * MB };
        var collector = new FinishedInputCollector(32 * MB, () => heap.Older, heap.Collect);

        collector.InputFinished();                        // nothing grew yet: from 0, 10 MB is under the budget
        Assert.Equal(0, collector.Collections);

        heap.Older = 41 * MB;                             // 41 - 0 passes 32
        collector.InputFinished();
        Assert.Equal(1, collector.Collections);
        Assert.Equal([GCCollectionMode.Forced], heap.Modes);
        Assert.Equal(10 * MB, heap.Older);

        heap.Older = 41 * MB;                             // 31 MB over what the collection left: not yet
        collector.InputFinished();
        Assert.Equal(1, collector.Collections);

        heap.Older = 42 * MB;                             // exactly the budget over what it left
        collector.InputFinished();
        Assert.Equal(2, collector.Collections);
    }

    [Fact]
    public void The_baseline_is_what_the_last_collection_left_not_zero()
    {
        var heap = new FakeHeap { Older = 100 * MB, LiveAfterCollection = 90 * MB };
        var collector = new FinishedInputCollector(16 * MB, () => heap.Older, heap.Collect);

        collector.InputFinished();
        Assert.Equal(1, collector.Collections);           // 100 MB from a zero baseline

        heap.Older = 105 * MB;                            // 90 MB live, +15: under 16
        collector.InputFinished();
        Assert.Equal(1, collector.Collections);
    }

    [Fact]
    public void Before_a_large_input_it_collects_whatever_the_growth_and_aggressively()
    {
        var heap = new FakeHeap { Older = 0 };
        var collector = new FinishedInputCollector(long.MaxValue, () => heap.Older, heap.Collect);
        collector.CollectNow();
        Assert.Equal(1, collector.Collections);
        Assert.Equal([GCCollectionMode.Aggressive], heap.Modes);
    }

    [Fact]
    public void The_budget_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinishedInputCollector(0));

    private sealed class FakeHeap
    {
        public long Older { get; set; }
        public long LiveAfterCollection { get; init; }
        public List<GCCollectionMode> Modes { get; } = [];

        public long Collect(GCCollectionMode mode)
        {
            Modes.Add(mode);
            Older = LiveAfterCollection;
            return Older;
        }
    }
}

/// <summary>The collector over the real GC: promoted garbage is collected once it passes the budget.</summary>
[Collection(nameof(ProcessWideGc))]
public class FinishedInputCollectorGcTests
{
    [Fact]
    public void Collects_promoted_garbage_once_it_passes_the_budget()
    {
        var collector = new FinishedInputCollector(32L << 20);
        PromoteGarbage(64L << 20);                          // an input's state, promoted while it ran, then dropped
        int fullCollections = GC.CollectionCount(2);
        collector.InputFinished();
        Assert.Equal(1, collector.Collections);
        Assert.True(GC.CollectionCount(2) > fullCollections);

        fullCollections = GC.CollectionCount(2);
        collector.InputFinished();                          // nothing grew since that collection
        Assert.Equal(1, collector.Collections);
        Assert.Equal(fullCollections, GC.CollectionCount(2));
    }

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

/// <summary>Test classes that force or measure collections: they run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessWideGc), DisableParallelization = true)]
public sealed class ProcessWideGc;
