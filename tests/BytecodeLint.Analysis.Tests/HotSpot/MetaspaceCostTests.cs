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
    private static MethodShape Shape(int code, int inline = 0, int smt = 0, params int[] annotations) =>
        new(code, inline, smt, annotations.Length, annotations);

    private static long PerClone(MethodShape shape, int widened, int jdk = 17) =>
        MetaspaceCost.LdcWideningBytes([(shape, widened)], JdkProfile.ForFeature(jdk))[0] / widened;

    [Fact]
    public void A_clone_allocates_ConstMethod_Method_stack_map_and_each_annotation_array_in_that_order()
    {
        var shape = Shape(100, inline: 20, smt: 9, 10, 30);
        // ConstMethod 48 + align8(100 + 1 + 20) + 2 pointers; Method 88; Array<u1> = align8(length + 7).
        Assert.Equal([48 + 128 + 16, 88, 16, 24, 40], MetaspaceCost.CloneAllocations(shape, 1, JdkProfile.ForFeature(17)));
        Assert.Equal([56 + 128 + 16, 88, 16], MetaspaceCost.CloneAllocations(shape, 1, JdkProfile.ForFeature(8)));
    }

    [Fact]
    public void Clones_of_16_to_32_KiB_take_a_32_KiB_chunk_each()
    {
        // 2,100 exception-table entries: a ConstMethod of about 17 KiB. The rest of its 32 KiB chunk
        // cannot hold the next one, so every clone costs the whole chunk (exc1800/exc2700 measured 32,768 B).
        Assert.InRange(PerClone(Shape(2_400, inline: 2 + 8 * 2_100), 300), 32_700, 32_800);
    }

    [Fact]
    public void Small_clones_pack_into_16_KiB_chunks_doubled_in_place()
    {
        // About 5.9 KiB per clone: five fit a 16 KiB chunk enlarged to 32 KiB (exc450 measured 6,555 B).
        Assert.InRange(PerClone(Shape(1_957, inline: 2 + 8 * 450), 300), 6_400, 6_700);
        // About 1 KiB: hardly any waste (base-w150 measured 1,004 B).
        Assert.InRange(PerClone(Shape(754), 150), 900, 1_050);
    }

    [Fact]
    public void Large_stack_maps_cost_whole_64_KiB_commit_granules()
    {
        // A 184 KB stack map takes a 256 KiB chunk of which 192 KiB get committed and counted
        // (smt300x200 measured 196,577 B per clone); the small ConstMethod reuses the chunk's leftovers.
        Assert.InRange(PerClone(Shape(4_202, smt: 183_902), 300), 191 * 1024, 192 * 1024 + 2_048);
        Assert.InRange(PerClone(Shape(3_152, smt: 91_952), 300), 127 * 1024, 128 * 1024 + 2_048);
    }

    [Fact]
    public void Methods_that_do_not_widen_cost_nothing_and_the_bound_holds()
    {
        var shapes = new[] { Shape(1_504, inline: 2 + 12 * 500), Shape(3_307, inline: 2 + 8 * 900, smt: 0, 3_011, 3_011), Shape(500) };
        var bytes = MetaspaceCost.LdcWideningBytes([(shapes[0], 300), (null, 5), (shapes[1], 300), (shapes[2], 0)], JdkProfile.ForFeature(17));
        Assert.Equal(0, bytes[1]);
        Assert.Equal(0, bytes[3]);
        Assert.True(bytes[0] >= 300 * (1_504 + 6_002 + 136));
        Assert.InRange(bytes[2], 1, MetaspaceCost.LdcWideningUpperBound(shapes[1], 300, JdkProfile.ForFeature(17)));
        Assert.InRange(bytes[0], 1, MetaspaceCost.LdcWideningUpperBound(shapes[0], 300, JdkProfile.ForFeature(17)));
    }

    [Fact]
    public void Before_JDK_16_clones_pack_into_fixed_64_KiB_chunks()
    {
        // The old allocator (not measured): three 17 KiB ConstMethods per 64 KiB chunk, not one per 32 KiB.
        var shape = Shape(2_400, inline: 2 + 8 * 2_100);
        Assert.InRange(PerClone(shape, 300, jdk: 11), 21_700, 22_000);
        Assert.InRange(PerClone(shape, 300, jdk: 17), 32_700, 32_800);
    }
}
