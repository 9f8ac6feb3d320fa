using BytecodeLint.Analysis.HotSpot;

namespace BytecodeLint.Analysis.Tests.HotSpot;

public sealed class MetaspaceCostTests
{
    [Fact]
    public void First_fit_is_W_times_1_114_S_plus_7_5_KB()
    {
        Assert.Equal(0, MetaspaceCost.LdcWidening(100_000, 0));
        Assert.Equal((long)Math.Round(10 * (1.114 * 100_000 + 7680)), MetaspaceCost.LdcWidening(100_000, 10));
    }

    [Fact]
    public void Arthas_incident_worked_check_gives_about_530_MB()
    {
        // docs/design/hotspot.md §4: ≈ 500 widened ldc, ≈ 900 KB stack map → ≈ 530 MB by the formula (≈ 500 MB reported).
        double bytes = MetaspaceCost.LdcWidening(900_000, 500);
        Assert.InRange(bytes / 1e6, 500, 560);
    }

    [Fact]
    public void Refit_adds_the_42_KiB_base_only_when_something_widens()
    {
        Assert.Equal(0, MetaspaceCost.LdcWideningEstimate([(0, 1000L, 1000L, 10L)]));
        long one = MetaspaceCost.LdcWideningRefitMethod(3, 1000, 500, 100);
        Assert.Equal((long)Math.Round(3 * (1.16 * 1500 + 1.8 * 100)), one);
        Assert.Equal(one + 42 * 1024, MetaspaceCost.LdcWideningEstimate([(3, 1000L, 500L, 100L), (0, 9999L, 9999L, 9L)]));
    }

    [Theory]
    [InlineData(39, 1000, 36_141_552)]   // exp1-CatchThrowable, JDK 17, measured used delta
    [InlineData(2955, 1000, 113_246_208)] // docs/design/hotspot.md §2: cp0 = 2,955 → +108 MiB after 1,000
    public void Catch_throwable_leak_fit_is_within_10_percent_of_measurements(int cp0, int n, long measured)
    {
        double ratio = MetaspaceCost.CatchThrowableLeak(cp0, n) / (double)measured;
        Assert.InRange(ratio, 0.9, 1.1);
    }

    [Fact]
    public void Pool_growth_generalisation_equals_the_fit_for_plus_2_per_retransform()
    {
        int cp0 = 39, n = 1000;
        var sizes = Enumerable.Range(1, n).Select(r => cp0 + 2 * r).ToArray();
        double ratio = MetaspaceCost.PoolGrowth(cp0, sizes) / (double)MetaspaceCost.CatchThrowableLeak(cp0, n);
        Assert.InRange(ratio, 0.99, 1.01);
        Assert.Equal(0, MetaspaceCost.PoolGrowth(cp0, [cp0, cp0, cp0]));
    }

    [Fact]
    public void Structural_clone_size_follows_the_ConstMethod_layout()
    {
        var shape = new MethodShape(CodeLength: 100, InlineTableBytes: 0, StackMapTableLength: 0, AnnotationKinds: 0, AnnotationLengths: []);
        // 88 (Method) + 48 (ConstMethod on 17) + align8(100 + 1) = 240; 56 on 25 → 248.
        Assert.Equal(240, MetaspaceCost.StructuralCloneBytes(shape, 1, JdkProfile.ForFeature(17)));
        Assert.Equal(248, MetaspaceCost.StructuralCloneBytes(shape, 1, JdkProfile.ForFeature(25)));
        var withMap = shape with { StackMapTableLength = 9, AnnotationKinds = 1, AnnotationLengths = [10] };
        // + 8 (one annotation pointer) + align8(9 + 7) = 16 + align8(10 + 7) = 24 on 9+; not the copy on 8.
        Assert.Equal(240 + 8 + 16 + 24, MetaspaceCost.StructuralCloneBytes(withMap, 1, JdkProfile.ForFeature(17)));
        Assert.Equal(248 + 8 + 16, MetaspaceCost.StructuralCloneBytes(withMap, 1, JdkProfile.ForFeature(8)));
        Assert.Equal(240 + 240, MetaspaceCost.StructuralWideningBytes(shape, 2, JdkProfile.ForFeature(17)));
    }

    [Fact]
    public void Compressed_line_numbers_take_one_byte_per_small_step()
    {
        Assert.Equal(3, MethodShape.CompressedLineNumberBytes([(0, 1), (5, 2)]));
        // Δline 100 does not fit: 0xFF + zigzag(5)=10 (1 byte) + zigzag(100)=200 (2 bytes).
        Assert.Equal(1 + 1 + 4, MethodShape.CompressedLineNumberBytes([(0, 1), (5, 101)]));
        // A repeated (Δ0, Δ0) pair is dropped.
        Assert.Equal(2, MethodShape.CompressedLineNumberBytes([(0, 1), (0, 1)]));
    }

    [Fact]
    public void Merge_pool_allocation_uses_the_pool_header_of_the_release()
    {
        Assert.Equal(72 + 8 * 80 + 88, MetaspaceCost.MergePoolBytes(39, 41, JdkProfile.ForFeature(17)));
        Assert.Equal(64 + 8 * 80 + 88, MetaspaceCost.MergePoolBytes(39, 41, JdkProfile.ForFeature(11)));
    }
}
