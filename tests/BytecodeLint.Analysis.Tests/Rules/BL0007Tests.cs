using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform.SignedZeros;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Rules.RuleHarness;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL0007 on byte-built pools: which zeros, in which order, loaded or not; pair mode replaying the merge.</summary>
public class BL0007Tests
{
    private static readonly SignedZerosAnalyzer Analyzer = new();

    private const ulong PlusZero = 0, MinusZero = 0x8000_0000_0000_0000;
    private const uint PlusZeroF = 0, MinusZeroF = 0x8000_0000;

    /// <summary>
    /// <c>p/Zeros</c> whose pool gets the given Double (or Float) bit patterns in order, the first ones as padding
    /// entries; method <c>neg()</c> loads the entry at position <paramref name="loaded"/> (none when -1).
    /// </summary>
    private static byte[] Doubles(int loaded, string? marker = null, params ulong[] bits)
    {
        var b = new ClassBuilder("p/Zeros").Version(0, 61);
        foreach (var m in marker?.Split('|') ?? []) b.Pool.String(m); // each shifts every later index by two, like a fresh-pool writer
        var indices = bits.Select(x => (int)b.Pool.DoubleBits(x)).ToArray();
        var code = new CodeBuilder();
        if (loaded >= 0) code.Ldc2W(indices[loaded]).Op(CodeOpcodes.Pop2);
        b.Method(ClassAccess.Public | ClassAccess.Static, "neg", "()V").Code(2, 0, code.Return(), c => c.LineNumberTable((0, 5)));
        return b.ToArray();
    }

    private static byte[] Floats(int loaded, params uint[] bits)
    {
        var b = new ClassBuilder("p/Zeros").Version(0, 61);
        var indices = bits.Select(x => (int)b.Pool.FloatBits(x)).ToArray();
        var code = new CodeBuilder();
        if (loaded >= 0) code.Ldc(indices[loaded]).Op(CodeOpcodes.Pop);
        b.Method(ClassAccess.Public | ClassAccess.Static, "neg", "()V").Code(1, 0, code.Return());
        return b.ToArray();
    }

    [Fact]
    public void Positive_zero_first_and_negative_loaded_is_a_warning_at_the_load()
    {
        var d = Assert.Single(RunOnBytes(Analyzer, Doubles(1, null, PlusZero, MinusZero)));
        Assert.Equal(SignedZerosAnalyzer.Rule, d.Descriptor);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("neg", d.Location.Member);
        Assert.Equal(5, d.Location.Line);
        Assert.True(d.Properties["positiveIndex"] < d.Properties["negativeIndex"]);
        Assert.Contains("+0.0 (#", d.Message);
    }

    [Fact]
    public void Float_zeros_are_checked_too()
    {
        var d = Assert.Single(RunOnBytes(Analyzer, Floats(1, PlusZeroF, MinusZeroF)));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("float", d.Message);
    }

    [Fact]
    public void Javac_order_negative_first_is_a_latent_note()
    {
        var d = Assert.Single(RunOnBytes(Analyzer, Doubles(0, null, MinusZero, PlusZero)));
        Assert.Equal(SignedZerosAnalyzer.LatentRule, d.Descriptor);
        Assert.Equal(Severity.Note, d.Severity);
    }

    [Fact]
    public void Positive_first_but_negative_never_loaded_is_latent()
    {
        var d = Assert.Single(RunOnBytes(Analyzer, Doubles(-1, null, PlusZero, MinusZero)));
        Assert.Equal(Severity.Note, d.Severity);
        Assert.Contains("no ldc loads -0.0", d.Message);
    }

    [Theory]
    [InlineData(new ulong[] { MinusZero })]
    [InlineData(new ulong[] { PlusZero })]
    [InlineData(new ulong[] { PlusZero, 0x3FF0_0000_0000_0000 })]  // +0.0 and 1.0
    [InlineData(new ulong[] { 0x8000_0000_0000_0001, PlusZero })] // the smallest negative subnormal is not -0.0
    public void One_signed_zero_is_silent(ulong[] bits)
    {
        Assert.Empty(RunOnBytes(Analyzer, Doubles(0, null, bits)));
    }

    [Fact]
    public void A_float_zero_and_a_double_zero_never_interact()
    {
        var b = new ClassBuilder("p/Mixed").Version(0, 61);
        b.Pool.DoubleBits(MinusZero);
        b.Pool.FloatBits(PlusZeroF);
        Assert.Empty(RunOnBytes(Analyzer, b.ToArray()));
    }

    [Fact]
    public void Pair_that_shifts_a_negative_zero_onto_the_original_positive_zero_is_an_error()
    {
        // The measured PosZeroFirstDouble case: the fresh-pool writer moves -0.0 to another index, the merge
        // maps it onto the first old zero, +0.0.
        var original = Doubles(1, null, PlusZero, MinusZero);
        var transformed = Doubles(1, "zeros.marker", PlusZero, MinusZero);
        var d = Assert.Single(PairScan.Run("BL0007", original, transformed));
        Assert.Equal(SignedZerosAnalyzer.PairRule, d.Descriptor);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("loads double -0.0", d.Message);
        Assert.Contains("onto the original's +0.0", d.Message);
        Assert.Equal("neg", d.Location.Member);
    }

    [Fact]
    public void Pair_that_keeps_the_pool_flips_nothing_and_replaces_the_static_finding()
    {
        var original = Doubles(1, null, PlusZero, MinusZero);
        var kept = Doubles(1, null, PlusZero, MinusZero, 0x3FF0_0000_0000_0000); // same indices, one constant appended
        Assert.Empty(PairScan.Run("BL0007", original, kept));
    }

    [Fact]
    public void Pair_with_javac_order_maps_onto_negative_zero_and_flips_nothing()
    {
        // Measured BothZerosDouble: the scratch zeros map onto the old -0.0, the first zero.
        var original = Doubles(0, null, MinusZero, PlusZero);
        var transformed = Doubles(0, "a|b", MinusZero, PlusZero);
        Assert.Empty(PairScan.Run("BL0007", original, transformed));
    }

    [Fact]
    public void Pair_whose_negative_zero_lands_on_the_index_of_an_old_positive_zero_flips()
    {
        // The merge first compares with the old entry at the same index, and -0.0 == +0.0 there too.
        var original = Doubles(0, null, MinusZero, PlusZero);      // -0.0 at #5, +0.0 at #7
        var transformed = Doubles(0, "a", MinusZero, PlusZero);    // -0.0 at #7: the old +0.0's index
        var d = Assert.Single(PairScan.Run("BL0007", original, transformed));
        Assert.Equal(7, d.Properties["scratchIndex"]);
        Assert.Equal(7, d.Properties["mergedIndex"]);
    }

    [Fact]
    public void Pair_where_the_agent_adds_a_negative_zero_to_a_pool_with_positive_zero_is_caught()
    {
        // The original alone is silent (one zero); the transformed class loads -0.0, which merges onto +0.0.
        var original = Doubles(-1, null, PlusZero);
        var transformed = Doubles(1, "marker", PlusZero, MinusZero);
        Assert.Empty(RunOnBytes(Analyzer, original));
        Assert.Single(PairScan.Run("BL0007", original, transformed));
    }
}
