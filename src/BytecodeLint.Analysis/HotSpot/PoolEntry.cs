using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// One constant-pool entry, normalised the way HotSpot holds it after parsing: numbers by value
/// (Float/Double as raw bits), Utf8 and String by their text (HotSpot keeps a String as a Symbol,
/// not as an index to a Utf8 entry), everything else by the pool indices it points at.
/// </summary>
/// <param name="Kind">The tag; <see cref="ConstantKind.None"/> for slot 0 and the second slot of a Long/Double.</param>
/// <param name="A">Class/MethodType/Module/Package: name index; member refs: class index; NameAndType: name index;
/// MethodHandle: reference kind; Dynamic/InvokeDynamic: bootstrap-method index.</param>
/// <param name="B">member refs, Dynamic, InvokeDynamic: NameAndType index; NameAndType: descriptor index; MethodHandle: reference index.</param>
/// <param name="Bits">Integer/Long value, Float/Double bit pattern.</param>
/// <param name="Text">Utf8 and String text.</param>
public readonly record struct PoolEntry(ConstantKind Kind, int A = 0, int B = 0, long Bits = 0, string? Text = null)
{
    public static PoolEntry Unusable { get; } = new(ConstantKind.None);

    /// <summary>Number of pool slots the entry takes (2 for Long and Double).</summary>
    public int Slots => Kind.IsWide() ? 2 : 1;

    public static PoolEntry Utf8(string text) => new(ConstantKind.Utf8, Text: text);

    public static PoolEntry Integer(int value) => new(ConstantKind.Integer, Bits: value);

    public static PoolEntry FloatBits(uint bits) => new(ConstantKind.Float, Bits: bits);

    public static PoolEntry Long(long value) => new(ConstantKind.Long, Bits: value);

    public static PoolEntry DoubleBits(ulong bits) => new(ConstantKind.Double, Bits: unchecked((long)bits));

    public static PoolEntry Class(int nameIndex) => new(ConstantKind.Class, A: nameIndex);

    public static PoolEntry String(string text) => new(ConstantKind.String, Text: text);

    public static PoolEntry NameAndType(int nameIndex, int descriptorIndex) => new(ConstantKind.NameAndType, nameIndex, descriptorIndex);

    public static PoolEntry MemberRef(ConstantKind kind, int classIndex, int nameAndTypeIndex) => new(kind, classIndex, nameAndTypeIndex);

    /// <summary>True for a Float or Double entry whose bit pattern is any NaN (not only the canonical one).</summary>
    public bool IsNaN => Kind switch
    {
        ConstantKind.Float => float.IsNaN(BitConverter.UInt32BitsToSingle(unchecked((uint)Bits))),
        ConstantKind.Double => double.IsNaN(BitConverter.Int64BitsToDouble(Bits)),
        _ => false,
    };

    /// <summary>Reads entry <paramref name="index"/> of a parsed pool.</summary>
    public static PoolEntry From(ConstantPool pool, int index)
    {
        var kind = pool.KindAt(index);
        switch (kind)
        {
            case ConstantKind.None:
                return Unusable;
            case ConstantKind.Utf8:
                return Utf8(pool.GetString(pool.AsUtf8(index)));
            case ConstantKind.Integer:
                return Integer(pool.GetInteger(index));
            case ConstantKind.Float:
                return FloatBits(pool.GetFloatBits(index));
            case ConstantKind.Long:
                return Long(pool.GetLong(index));
            case ConstantKind.Double:
                return DoubleBits(pool.GetDoubleBits(index));
            case ConstantKind.Class:
                return Class(pool.GetClassName(pool.AsClass(index)).Index);
            case ConstantKind.String:
                return String(pool.GetString(pool.GetReferencedUtf8(index)));
            case ConstantKind.MethodType:
            case ConstantKind.Module:
            case ConstantKind.Package:
                return new PoolEntry(kind, A: pool.GetReferencedUtf8(index).Index);
            case ConstantKind.Fieldref:
            case ConstantKind.Methodref:
            case ConstantKind.InterfaceMethodref:
            {
                var member = pool.GetMemberRef(pool.AsMemberRef(index));
                return MemberRef(kind, member.Class.Index, member.NameAndType.Index);
            }
            case ConstantKind.NameAndType:
            {
                var nat = pool.GetNameAndType(new NameAndTypeHandle(index));
                return NameAndType(nat.Name.Index, nat.Descriptor.Index);
            }
            case ConstantKind.MethodHandle:
            {
                var handle = pool.GetMethodHandle(index);
                return new PoolEntry(kind, handle.ReferenceKind, handle.Reference.Index);
            }
            case ConstantKind.Dynamic:
            case ConstantKind.InvokeDynamic:
            {
                var dynamic = pool.GetDynamic(index);
                return new PoolEntry(kind, dynamic.BootstrapMethodIndex, dynamic.NameAndType.Index);
            }
            default:
                throw new ClassFormatException(pool.OffsetOf(index), "a constant kind the HotSpot model knows", index);
        }
    }
}

/// <summary>One BootstrapMethods entry: the MethodHandle index and the static-argument indices.</summary>
public sealed record BootstrapMethodModel(int MethodHandleIndex, IReadOnlyList<int> Arguments);
