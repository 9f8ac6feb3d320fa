using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>The BL0003 what-if: the most ldc a pool-rebuilding enhancer could widen, from one class file.</summary>
public sealed class RebuildWhatIfTests
{
    /// <summary>A class whose pool is padded past 255 before <paramref name="constants"/> are added, each loaded once with ldc_w.</summary>
    private static JavaClass HighConstants(int constants, Func<ConstantPoolBuilder, int, int> add, int padTo = 300)
    {
        var builder = ClassBuilder.Minimal("p/W");
        builder.MajorVersion = 61;
        builder.Pool.PadTo(padTo);
        var code = new CodeBuilder();
        for (int i = 0; i < constants; i++) code.LdcW(add(builder.Pool, i)).Op(CodeOpcodes.Pop);
        builder.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V").Code(1, 0, code.Return());
        return JavaClass.Parse(builder.ToArray());
    }

    [Fact]
    public void Strings_above_255_are_capped_by_the_slots_their_Utf8_and_String_take_below_256()
    {
        var whatIf = HotSpotModel.WorstCaseRebuildWidenings(HighConstants(300, (p, i) => p.String("s" + i)));
        Assert.Equal(255 / 2, whatIf.Methods.Single(m => m.Name == "m").WorstCaseWidenedLdc);
        Assert.True(whatIf.EstimatedBytes > MetaspaceCost.RefitBaseBytes);
    }

    [Fact]
    public void Integers_take_one_slot_each()
    {
        var whatIf = HotSpotModel.WorstCaseRebuildWidenings(HighConstants(300, (p, i) => p.Integer(100_000 + i)));
        Assert.Equal(255, whatIf.WorstCaseWidenedLdc);
    }

    [Fact]
    public void Constants_already_below_256_and_two_slot_constants_never_widen()
    {
        var low = HotSpotModel.WorstCaseRebuildWidenings(HighConstants(20, (p, i) => p.String("s" + i), padTo: 1));
        Assert.Equal(0, low.WorstCaseWidenedLdc);
        Assert.Equal(0, low.EstimatedBytes);
        var builder = ClassBuilder.Minimal("p/L");
        builder.Pool.PadTo(300);
        int wide = builder.Pool.Long(5);
        builder.Method(ClassAccess.Public | ClassAccess.Static, "m", "()J").Code(2, 0, new CodeBuilder().Ldc2W(wide).Op(0xad /* lreturn */));
        Assert.Equal(0, HotSpotModel.WorstCaseRebuildWidenings(JavaClass.Parse(builder.ToArray())).WorstCaseWidenedLdc);
    }

    [Fact]
    public void The_enhancers_own_constants_widen_once_the_pool_has_255_entries()
    {
        var small = HotSpotModel.WorstCaseRebuildWidenings(HighConstants(0, (p, i) => 0, padTo: 1), enhancerLdcPerMethod: 1);
        Assert.Equal(0, small.WorstCaseWidenedLdc);
        var large = HotSpotModel.WorstCaseRebuildWidenings(HighConstants(0, (p, i) => 0), enhancerLdcPerMethod: 1);
        Assert.Equal(large.Methods.Count, large.WorstCaseWidenedLdc); // <init> and m
    }

    [Theory]
    [InlineData("ldc-smt6k-w115-rebuild")]
    [InlineData("ldc-smt216k-w30-rebuild")]
    public void The_what_if_bounds_what_a_real_rebuilding_transformer_widened(string name)
    {
        var oracle = OracleCase.Load(name);
        var original = oracle.Class("original.class");
        int measured = HotSpotModel.Merge(original, oracle.Class("transformed.class"), JdkProfile.ForFeature(17)).WidenedLdc;
        var whatIf = HotSpotModel.WorstCaseRebuildWidenings(original, enhancerLdcPerMethod: 1);
        Assert.InRange(measured, 1, whatIf.WorstCaseWidenedLdc);
    }
}
