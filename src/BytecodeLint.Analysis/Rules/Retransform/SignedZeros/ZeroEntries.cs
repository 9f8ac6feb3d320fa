using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.SignedZeros;

/// <summary>The signed-zero Float or Double entries of one pool, and which of them code loads with ldc.</summary>
internal sealed class ZeroEntries
{
    /// <summary>Lowest index of a +0.0 / −0.0 entry of the type, or 0.</summary>
    public int FirstPositive { get; private set; }
    public int FirstNegative { get; private set; }

    /// <summary>Every zero entry of the type by index, in index order: true when negative.</summary>
    public IReadOnlyDictionary<int, bool> Entries => _entries ?? NoEntries;

    // Made at the first zero: most pools have none, and a sorted dictionary per class and type was 6 % of
    // a large scan's allocations.
    private SortedDictionary<int, bool>? _entries;

    private static readonly IReadOnlyDictionary<int, bool> NoEntries = new SortedDictionary<int, bool>().AsReadOnly();

    public bool HasBoth => FirstPositive != 0 && FirstNegative != 0;

    /// <summary>The signed zeros of <paramref name="kind"/> (Float or Double) in <paramref name="pool"/>.</summary>
    public static ZeroEntries Read(ConstantPool pool, ConstantKind kind)
    {
        if (!pool.Contains(kind)) return None;
        ZeroEntries? zeros = null; // one shared empty answer for the many pools without a zero
        for (int i = 1; i < pool.Count; i++)
        {
            if (pool.KindAt(i) != kind) continue;
            bool? negative = kind == ConstantKind.Float
                ? pool.GetFloatBits(i) switch { 0u => false, 0x8000_0000u => true, _ => null }
                : pool.GetDoubleBits(i) switch { 0ul => false, 0x8000_0000_0000_0000ul => true, _ => null };
            if (negative is not { } n) continue;
            zeros ??= new ZeroEntries();
            (zeros._entries ??= [])[i] = n;
            if (n && zeros.FirstNegative == 0) zeros.FirstNegative = i;
            if (!n && zeros.FirstPositive == 0) zeros.FirstPositive = i;
        }
        return zeros ?? None;
    }

    private static readonly ZeroEntries None = new();
}
