using System.Buffers.Binary;

namespace BytecodeLint.ClassFile;

/// <summary>
/// The constant pool of one class: entry offsets computed once at parse time, values decoded on
/// access. Cross-references between entries are validated at parse time, so the typed accessors
/// below only throw when asked for the wrong kind of entry.
/// </summary>
public sealed class ConstantPool
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int[] _offsets; // offset of each entry's tag byte; 0 for index 0 and the slot after Long/Double
    // Each entry's tag, kept beside the offsets: every rule walks the pool by kind, and reading the tag
    // through ReadOnlyMemory.Span (a virtual call for memory-mapped entries) was ~10 % of a scan.
    private readonly ConstantKind[] _kinds; // ConstantKind.None for index 0 and the slot after Long/Double
    private readonly int _count; // the tables may be longer (reused buffers): every index is checked against this
    private readonly uint _kindsPresent; // bit per tag (1 << kind) of every entry

    private ConstantPool(ReadOnlyMemory<byte> bytes, int[] offsets, ConstantKind[] kinds, int count, int endOffset, uint kindsPresent)
    {
        _bytes = bytes;
        _offsets = offsets;
        _kinds = kinds;
        _count = count;
        _kindsPresent = kindsPresent;
        EndOffset = endOffset;
    }

    /// <summary>
    /// True when some entry is of <paramref name="kind"/>: a rule about Float, Double or InvokeDynamic
    /// constants can pass over the many classes without one instead of walking their pool.
    /// </summary>
    public bool Contains(ConstantKind kind) => (uint)kind < 32 && (_kindsPresent & (1u << (int)kind)) != 0;

    /// <summary>The raw <c>constant_pool_count</c> (one more than the highest index).</summary>
    public int Count => _count;

    /// <summary>Offset just past the last entry.</summary>
    public int EndOffset { get; }

    /// <summary>The class bytes the pool was read from.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    public ConstantKind KindAt(int index) => (uint)index < (uint)_count ? _kinds[index] : ConstantKind.None;

    /// <summary>Byte offset of the entry's tag, for error messages and raw comparisons.</summary>
    public int OffsetOf(int index) => (uint)index < (uint)_count ? _offsets[index] : 0;

    /// <summary>The entry's bytes: tag plus payload (for Utf8, tag + length + bytes).</summary>
    public ReadOnlySpan<byte> RawEntry(int index)
    {
        var kind = Expect(index, null);
        int offset = _offsets[index];
        var span = _bytes.Span;
        int length = kind == ConstantKind.Utf8 ? 3 + BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset + 1)) : 1 + kind.FixedPayloadLength();
        return span.Slice(offset, length);
    }

    // ----------------------------------------------------------------------------------- Utf8

    public ReadOnlySpan<byte> GetUtf8Bytes(Utf8Handle handle)
    {
        int offset = OffsetOfKind(handle.Index, ConstantKind.Utf8);
        var span = _bytes.Span;
        return span.Slice(offset + 3, BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset + 1)));
    }

    public string GetString(Utf8Handle handle) => ModifiedUtf8.Decode(GetUtf8Bytes(handle));

    /// <summary>Compares a Utf8 entry with ASCII/modified-UTF-8 bytes without allocating.</summary>
    public bool Utf8Equals(Utf8Handle handle, ReadOnlySpan<byte> value) => GetUtf8Bytes(handle).SequenceEqual(value);

    public Utf8Handle AsUtf8(int index) => new(CheckKind(index, ConstantKind.Utf8));

    // ----------------------------------------------------------------------------------- Class, String, MethodType, Module, Package

    public ClassHandle AsClass(int index) => new(CheckKind(index, ConstantKind.Class));

    /// <summary>The internal name (e.g. <c>java/lang/Throwable</c>) of a Class entry.</summary>
    public Utf8Handle GetClassName(ClassHandle handle) => new(U2(OffsetOfKind(handle.Index, ConstantKind.Class) + 1));

    public bool ClassNameEquals(ClassHandle handle, ReadOnlySpan<byte> internalName) =>
        Utf8Equals(GetClassName(handle), internalName);

    public string GetClassNameString(ClassHandle handle) => GetString(GetClassName(handle));

    /// <summary>The Utf8 operand of a String, MethodType, Module or Package entry.</summary>
    public Utf8Handle GetReferencedUtf8(int index)
    {
        var kind = Expect(index, "String, MethodType, Module or Package");
        if (kind is not (ConstantKind.String or ConstantKind.MethodType or ConstantKind.Module or ConstantKind.Package))
            throw WrongKind(index, "String, MethodType, Module or Package");
        return new(U2(_offsets[index] + 1));
    }

    // ----------------------------------------------------------------------------------- numbers

    public int GetInteger(int index) => S4(OffsetOfKind(index, ConstantKind.Integer) + 1);

    public uint GetFloatBits(int index) => (uint)S4(OffsetOfKind(index, ConstantKind.Float) + 1);

    public float GetFloat(int index) => BitConverter.UInt32BitsToSingle(GetFloatBits(index));

    public long GetLong(int index) => (long)U8(OffsetOfKind(index, ConstantKind.Long) + 1);

    public ulong GetDoubleBits(int index) => U8(OffsetOfKind(index, ConstantKind.Double) + 1);

    public double GetDouble(int index) => BitConverter.UInt64BitsToDouble(GetDoubleBits(index));

    // ----------------------------------------------------------------------------------- references

    public MemberRefHandle AsMemberRef(int index)
    {
        if (!Expect(index, "Fieldref, Methodref or InterfaceMethodref").IsMemberRef())
            throw WrongKind(index, "Fieldref, Methodref or InterfaceMethodref");
        return new(index);
    }

    public MemberRef GetMemberRef(MemberRefHandle handle)
    {
        // Kind first: a handle built from an unchecked operand may lie outside the pool.
        var kind = KindAt(handle.Index);
        if (!kind.IsMemberRef()) throw WrongKind(handle.Index, "Fieldref, Methodref or InterfaceMethodref");
        int offset = _offsets[handle.Index];
        return new(kind, new ClassHandle(U2(offset + 1)), new NameAndTypeHandle(U2(offset + 3)));
    }

    public NameAndType GetNameAndType(NameAndTypeHandle handle)
    {
        int offset = OffsetOfKind(handle.Index, ConstantKind.NameAndType);
        return new(new Utf8Handle(U2(offset + 1)), new Utf8Handle(U2(offset + 3)));
    }

    public MethodHandleInfo GetMethodHandle(int index)
    {
        int offset = OffsetOfKind(index, ConstantKind.MethodHandle);
        return new(_bytes.Span[offset + 1], new MemberRefHandle(U2(offset + 2)));
    }

    public DynamicInfo GetDynamic(int index)
    {
        var kind = Expect(index, "Dynamic or InvokeDynamic");
        if (kind is not (ConstantKind.Dynamic or ConstantKind.InvokeDynamic)) throw WrongKind(index, "Dynamic or InvokeDynamic");
        int offset = _offsets[index];
        return new(U2(offset + 1), new NameAndTypeHandle(U2(offset + 3)));
    }

    /// <summary>Human-readable rendering of an entry, for messages (e.g. <c>String "abc"</c>).</summary>
    public string Describe(int index)
    {
        var kind = KindAt(index);
        return kind switch
        {
            ConstantKind.Utf8 => $"Utf8 \"{GetString(new Utf8Handle(index))}\"",
            ConstantKind.Integer => $"int {GetInteger(index)}",
            ConstantKind.Float => $"float {GetFloat(index)}",
            ConstantKind.Long => $"long {GetLong(index)}",
            ConstantKind.Double => $"double {GetDouble(index)}",
            ConstantKind.Class => $"Class {GetClassNameString(new ClassHandle(index))}",
            ConstantKind.String => $"String \"{GetString(GetReferencedUtf8(index))}\"",
            ConstantKind.MethodType => $"MethodType {GetString(GetReferencedUtf8(index))}",
            ConstantKind.Fieldref or ConstantKind.Methodref or ConstantKind.InterfaceMethodref => DescribeMember(index),
            ConstantKind.None => "(unusable)",
            _ => kind.ToString(),
        };
    }

    private string DescribeMember(int index)
    {
        var member = GetMemberRef(new MemberRefHandle(index));
        var nat = GetNameAndType(member.NameAndType);
        return $"{member.Kind} {GetClassNameString(member.Class)}.{GetString(nat.Name)}{GetString(nat.Descriptor)}";
    }

    // ----------------------------------------------------------------------------------- parsing

    /// <summary>Reads and validates the pool starting at offset 8 of a class file.</summary>
    internal static ConstantPool Parse(ReadOnlyMemory<byte> memory, ClassParseBuffers? buffers)
    {
        var bytes = memory.Span;
        int count = ByteReader.U2(bytes, 8, "constant_pool_count");
        if (count == 0) throw new ClassFormatException(8, "constant_pool_count ≥ 1");
        int[] offsets;
        ConstantKind[] kinds;
        if (buffers is null)
        {
            offsets = new int[count];
            kinds = new ConstantKind[count];
        }
        else
        {
            buffers.Ensure(count);
            (offsets, kinds) = (buffers.Offsets, buffers.Kinds);
            (offsets[0], kinds[0]) = (0, ConstantKind.None); // reused: every slot below count is written
        }
        int p = 10;
        uint present = 0;
        for (int i = 1; i < count; i++)
        {
            var kind = (ConstantKind)ByteReader.U1(bytes, p, "constant tag");
            offsets[i] = p;
            kinds[i] = kind;
            present |= 1u << ((int)kind & 31); // an invalid tag is rejected just below
            if (kind == ConstantKind.Utf8)
            {
                int length = ByteReader.U2(bytes, p + 1, "Utf8 length");
                ByteReader.Require(bytes, p + 3, length, "Utf8 bytes");
                int bad = ModifiedUtf8.FindInvalidByte(bytes.Slice(p + 3, length));
                if (bad >= 0) throw new ClassFormatException(p + 3 + bad, "valid modified UTF-8", i);
                p += 3 + length;
                continue;
            }
            int payload = kind.FixedPayloadLength();
            if (payload < 0) throw new ClassFormatException(p, $"a constant tag (1, 3–12, 15–20), found {(byte)kind}", i);
            // The description is built only on failure: building it per entry (enum name + concat) was
            // the reader's largest allocation and ~13 % of a scan's samples on kotlin-compiler.
            if (p + 1 + payload > bytes.Length) ByteReader.Require(bytes, p + 1, payload, kind + " constant");
            p += 1 + payload;
            if (kind.IsWide())
            {
                if (i + 1 >= count) throw new ClassFormatException(offsets[i], "a second pool slot for the 8-byte constant", i);
                i++; // the next slot is unusable
                (offsets[i], kinds[i]) = (0, ConstantKind.None);
            }
        }
        var pool = new ConstantPool(memory, offsets, kinds, count, p, present);
        pool.ValidateReferences();
        return pool;
    }

    private void ValidateReferences()
    {
        for (int i = 1; i < _count; i++)
        {
            int offset = _offsets[i];
            if (offset == 0) continue;
            switch (KindAt(i))
            {
                case ConstantKind.Class:
                case ConstantKind.String:
                case ConstantKind.MethodType:
                case ConstantKind.Module:
                case ConstantKind.Package:
                    RequireRef(i, offset + 1, ConstantKind.Utf8);
                    break;
                case ConstantKind.Fieldref:
                case ConstantKind.Methodref:
                case ConstantKind.InterfaceMethodref:
                    RequireRef(i, offset + 1, ConstantKind.Class);
                    RequireRef(i, offset + 3, ConstantKind.NameAndType);
                    break;
                case ConstantKind.NameAndType:
                    RequireRef(i, offset + 1, ConstantKind.Utf8);
                    RequireRef(i, offset + 3, ConstantKind.Utf8);
                    break;
                case ConstantKind.MethodHandle:
                {
                    byte refKind = _bytes.Span[offset + 1];
                    if (refKind is < 1 or > 9) throw new ClassFormatException(offset + 1, $"a method-handle reference kind 1–9, found {refKind}", i);
                    int target = U2(offset + 2);
                    var targetKind = KindAt(target);
                    bool ok = refKind <= 4 ? targetKind == ConstantKind.Fieldref
                        : refKind == 9 ? targetKind == ConstantKind.InterfaceMethodref
                        : targetKind is ConstantKind.Methodref or ConstantKind.InterfaceMethodref;
                    if (!ok) throw new ClassFormatException(offset + 2, $"a reference of the kind that method-handle kind {refKind} needs, found {DescribeKind(target)} at #{target}", i);
                    break;
                }
                case ConstantKind.Dynamic:
                case ConstantKind.InvokeDynamic:
                    RequireRef(i, offset + 3, ConstantKind.NameAndType);
                    break;
            }
        }
    }

    private void RequireRef(int index, int operandOffset, ConstantKind expected)
    {
        int target = U2(operandOffset);
        if (KindAt(target) != expected)
            throw new ClassFormatException(operandOffset, $"an index of a {expected} constant, found {DescribeKind(target)} at #{target}", index);
    }

    private string DescribeKind(int index) =>
        (uint)index >= (uint)_count ? $"an index past the pool (count {_count})"
        : KindAt(index) == ConstantKind.None ? "an unusable slot" : KindAt(index).ToString();

    // ----------------------------------------------------------------------------------- helpers

    private int OffsetOfKind(int index, ConstantKind kind)
    {
        CheckKind(index, kind);
        return _offsets[index];
    }

    private int CheckKind(int index, ConstantKind kind)
    {
        if (KindAt(index) != kind) throw WrongKind(index, kind.ToString());
        return index;
    }

    private ConstantKind Expect(int index, string? what)
    {
        var kind = KindAt(index);
        if (kind == ConstantKind.None) throw WrongKind(index, what ?? "a usable constant");
        return kind;
    }

    private ClassFormatException WrongKind(int index, string expected) =>
        new(OffsetOf(index), $"a {expected} constant, found {DescribeKind(index)}", index);

    private int U2(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span.Slice(offset));

    private int S4(int offset) => BinaryPrimitives.ReadInt32BigEndian(_bytes.Span.Slice(offset));

    private ulong U8(int offset) => BinaryPrimitives.ReadUInt64BigEndian(_bytes.Span.Slice(offset));

    /// <summary>Validates a pool index read from elsewhere in the class (fields, code operands).</summary>
    public void RequireIndex(int index, ConstantKind expected, int atOffset)
    {
        if (KindAt(index) != expected)
            throw new ClassFormatException(atOffset, $"an index of a {expected} constant, found {DescribeKind(index)} at #{index}", index);
    }
}
