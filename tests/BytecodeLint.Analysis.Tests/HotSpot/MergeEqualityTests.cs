using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>
/// HotSpot's equality rules on small byte-built pools (research §2.3, §2.4, §2.8): Float/Double by
/// C++ <c>==</c>, a resolved Throwable class on 17–21, first match wins, appends take their slots.
/// </summary>
public sealed class MergeEqualityTests
{
    private static readonly JdkProfile Jdk17 = JdkProfile.ForFeature(17);
    private static readonly JdkProfile Jdk25 = JdkProfile.ForFeature(25);

    private static JavaClass Build(Action<ClassBuilder> configure, int major = 61)
    {
        var builder = ClassBuilder.Minimal("p/C");
        builder.MajorVersion = major;
        configure(builder);
        return JavaClass.Parse(builder.ToArray());
    }

    [Theory]
    [InlineData(0x7fc00000u)] // Float.NaN as javac writes it
    [InlineData(0x7f800001u)] // a signalling NaN
    [InlineData(0xffc00000u)] // a negative quiet NaN
    public void A_float_NaN_never_equals_itself_even_bit_identical(uint bits)
    {
        var cls = Build(b => b.Pool.FloatBits(bits));
        var outcome = HotSpotModel.Merge(cls, cls, Jdk17);
        Assert.Equal(cls.ConstantPool.Count + 1, outcome.MergedConstantPoolCount);
        Assert.Equal(1, outcome.IndexMapLength);
        Assert.Equal(1, outcome.AppendedEntries);
    }

    [Fact]
    public void A_double_NaN_is_appended_again_and_takes_two_slots()
    {
        var cls = Build(b => b.Pool.DoubleBits(0x7ff8000000000000UL));
        foreach (var profile in new[] { Jdk17, Jdk25, JdkProfile.ForFeature(8), JdkProfile.Any })
        {
            var outcome = HotSpotModel.Merge(cls, cls, profile);
            Assert.Equal(cls.ConstantPool.Count + 2, outcome.MergedConstantPoolCount);
            Assert.Equal(1, outcome.IndexMapLength);
            Assert.Equal(2, outcome.AppendedSlots);
        }
    }

    [Fact]
    public void Each_retransform_appends_every_NaN_copy_again_so_the_NaN_slots_double()
    {
        var cls = Build(b => b.Pool.FloatBits(0x7fc00000u));
        var sizes = HotSpotModel.Simulate(cls, null, Jdk25, 4).ConstantPoolSizes;
        int c = cls.ConstantPool.Count;
        Assert.Equal(new[] { c + 1, c + 3, c + 7, c + 15 }, sizes);
        // A transformer returning the same bytes each time only re-adds the class's own NaN.
        Assert.Equal(new[] { c + 1, c + 2, c + 3, c + 4 }, HotSpotModel.Simulate(cls, cls, Jdk25, 4).ConstantPoolSizes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Infinities_and_signed_zeros_match_like_any_other_number(bool isDouble)
    {
        var cls = Build(b =>
        {
            if (isDouble)
            {
                b.Pool.Double(double.PositiveInfinity); b.Pool.Double(double.NegativeInfinity); b.Pool.Double(0.0); b.Pool.Double(-0.0);
            }
            else
            {
                b.Pool.Float(float.PositiveInfinity); b.Pool.Float(float.NegativeInfinity); b.Pool.Float(0f); b.Pool.Float(-0f);
            }
        });
        var outcome = HotSpotModel.Merge(cls, cls, Jdk17);
        Assert.Equal(cls.ConstantPool.Count, outcome.MergedConstantPoolCount);
        Assert.Equal(0, outcome.IndexMapLength);
        Assert.Null(HotSpotModel.NaNOverflowRetransforms(cls));
    }

    [Fact]
    public void Negative_zero_found_elsewhere_is_mapped_onto_positive_zero()
    {
        // +0.0 == -0.0 in C++, so the search for a moved -0.0 stops at the first +0.0 (research §2.8).
        var old = Build(b => { b.Pool.Float(0f); b.Pool.Utf8("filler"); });
        var scratch = Build(b => { b.Pool.Utf8("filler"); b.Pool.Float(-0f); });
        var outcome = HotSpotModel.Merge(old, scratch, Jdk17);
        Assert.Equal(old.ConstantPool.Count, outcome.MergedConstantPoolCount);
        int negativeZero = Enumerable.Range(1, scratch.ConstantPool.Count - 1).Single(i => scratch.ConstantPool.KindAt(i) == ConstantKind.Float);
        int positiveZero = Enumerable.Range(1, old.ConstantPool.Count - 1).Single(i => old.ConstantPool.KindAt(i) == ConstantKind.Float);
        Assert.Equal(positiveZero, outcome.IndexMap.Find(negativeZero));
    }

    /// <summary>
    /// catch (Throwable t) { t.printStackTrace(); } with the handler's class entry shared by the
    /// Methodref, as javac writes it. Without <paramref name="callMember"/> the pool holds no
    /// Throwable member reference at all (a reference merely present in the pool would count).
    /// </summary>
    private static JavaClass CatchThrowable(int major = 61, bool callMember = true, bool separateClassEntry = false) => Build(b =>
    {
        int catchType = b.Pool.Class("java/lang/Throwable");
        int printStackTrace = 0;
        if (!callMember) { }
        else if (separateClassEntry)
        {
            b.Pool.Deduplicate = false;
            printStackTrace = b.Pool.Methodref("java/lang/Throwable", "printStackTrace", "()V");
            b.Pool.Deduplicate = true;
        }
        else printStackTrace = b.Pool.Methodref("java/lang/Throwable", "printStackTrace", "()V");
        var code = new CodeBuilder().Op(CodeOpcodes.Nop).Return().Op(CodeOpcodes.Astore1);
        if (callMember) code.Op(CodeOpcodes.Aload1).InvokeVirtual(printStackTrace);
        code.Return();
        b.Method(ClassAccess.Public | ClassAccess.Static, "run", "()V").Code(1, 2, code, c => c.Handler(0, 1, 2, catchType));
    }, major);

    [Fact]
    public void A_resolved_Throwable_catch_type_appends_the_Methodref_and_a_class_copy_on_17_to_21()
    {
        var cls = CatchThrowable();
        foreach (var jdk in new[] { "17", "17.0.15", "21", "21.0.4" })
        {
            var outcome = HotSpotModel.Merge(cls, cls, JdkProfile.Parse(jdk));
            Assert.Equal(cls.ConstantPool.Count + 2, outcome.MergedConstantPoolCount);
            Assert.Equal(2, outcome.IndexMapLength);
        }
        // Unknown JDK = any supported JDK: the worst case applies.
        Assert.Equal(cls.ConstantPool.Count + 2, HotSpotModel.Merge(cls, cls, JdkProfile.Any).MergedConstantPoolCount);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("11")]
    [InlineData("22")]
    [InlineData("25")]
    public void The_Throwable_class_entry_matches_before_17_and_from_22(string jdk)
    {
        var cls = CatchThrowable();
        var outcome = HotSpotModel.Merge(cls, cls, JdkProfile.Parse(jdk));
        Assert.Equal(cls.ConstantPool.Count, outcome.MergedConstantPoolCount);
        Assert.Equal(0, outcome.IndexMapLength);
    }

    [Fact]
    public void No_leak_without_a_member_reference_through_the_catch_type_entry_or_without_verification()
    {
        Assert.Equal(0, HotSpotModel.RetransformGrowth(CatchThrowable(callMember: false), Jdk17, 5));
        Assert.Equal(0, HotSpotModel.RetransformGrowth(CatchThrowable(separateClassEntry: true), Jdk17, 5));
        Assert.Equal(0, HotSpotModel.RetransformGrowth(CatchThrowable(major: 49), Jdk17, 5));
        Assert.Equal(0, HotSpotModel.RetransformGrowth(CatchThrowable(), Jdk17, 5, unverified: true));
        Assert.Equal(2, HotSpotModel.RetransformGrowth(CatchThrowable(major: 50), Jdk17, 5));
    }

    [Fact]
    public void An_ldc_whose_constant_maps_above_255_is_widened_and_one_that_stays_low_is_patched()
    {
        // The old class keeps "moved" at index ≥ 300; a rebuilt pool puts it first and loads it with ldc.
        var old = Build(b =>
        {
            int low = b.Pool.String("low");
            b.Pool.PadTo(300);
            int moved = b.Pool.String("moved");
            b.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V")
                .Code(1, 0, new CodeBuilder().Ldc(low).Op(CodeOpcodes.Pop).LdcW(moved).Op(CodeOpcodes.Pop).Return());
        });
        var scratch = Build(b =>
        {
            int moved = b.Pool.String("moved");
            b.Pool.Utf8("shift");
            int low = b.Pool.String("low");
            b.Pool.PadTo(300);
            b.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V")
                .Code(1, 0, new CodeBuilder().Ldc(low).Op(CodeOpcodes.Pop).Ldc(moved).Op(CodeOpcodes.Pop).Return());
        });
        var outcome = HotSpotModel.Merge(old, scratch, Jdk25);
        var method = outcome.Methods.Single(m => m.Name == "m");
        Assert.Equal(1, method.WidenedLdc);
        Assert.Equal(1, method.PatchedLdc);
        Assert.Equal(old.ConstantPool.Count + 1, outcome.MergedConstantPoolCount); // only "shift" is new
        Assert.Equal(method.CodeLength + method.StackMapTableLength + method.LineNumberEntries, method.S);
        Assert.True(outcome.EstimatedBytes > MetaspaceCost.RefitBaseBytes);
    }

    [Fact]
    public void New_long_constants_append_two_slots_and_new_strings_past_255_widen()
    {
        var old = Build(b => b.Pool.PadTo(300));
        var scratch = Build(b =>
        {
            b.Pool.PadTo(300);
            b.Pool.Long(42);
            int hello = b.Pool.String("hello");
            b.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V").Code(1, 0, new CodeBuilder().LdcW(hello).Op(CodeOpcodes.Pop).Return());
        });
        var outcome = HotSpotModel.Merge(old, scratch, Jdk17);
        // Long (2 slots) + Utf8 "hello" + String + Utf8 "m" + Utf8 "()V" + Utf8 "Code" appended at their own indices: no map.
        Assert.Equal(scratch.ConstantPool.Count, outcome.MergedConstantPoolCount);
        Assert.Equal(0, outcome.IndexMapLength);
        Assert.Equal(0, outcome.WidenedLdc);
    }

    [Fact]
    public void Pool_keys_follow_compare_entry_to()
    {
        var pool = PoolModel.Create(
        [
            PoolEntry.Unusable,
            PoolEntry.FloatBits(BitConverter.SingleToUInt32Bits(0f)),
            PoolEntry.FloatBits(BitConverter.SingleToUInt32Bits(-0f)),
            PoolEntry.FloatBits(0x7fc00000u),
            PoolEntry.Utf8("java/lang/Throwable"),
            PoolEntry.Class(4),
            PoolEntry.Class(4),
            PoolEntry.Integer(7),
            PoolEntry.FloatBits(BitConverter.SingleToUInt32Bits(7f)),
        ]);
        Assert.Equal(pool.KeyAt(1), pool.KeyAt(2));
        Assert.Null(pool.KeyAt(3));
        Assert.Equal(pool.KeyAt(5), pool.KeyAt(6));
        Assert.NotEqual(pool.KeyAt(7), pool.KeyAt(8));
        Assert.Equal(1, pool.FindFirst(pool.KeyAt(2)));
        Assert.Equal(5, pool.FindFirst(pool.KeyAt(6)));
        var resolved = pool.WithNeverEqual(new HashSet<int> { 5 });
        Assert.Null(resolved.KeyAt(5));
        Assert.NotNull(resolved.KeyAt(6));
    }
}
