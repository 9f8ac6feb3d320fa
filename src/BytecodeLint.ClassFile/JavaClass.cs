using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace BytecodeLint.ClassFile;

/// <summary>
/// A parsed Java class file (JVMS chapter 4, versions 45 through 69): a view over the caller's
/// bytes, which are not copied. <see cref="Parse"/> checks the whole structure — header, constant
/// pool and its cross-references, members, attribute framing — and throws
/// <see cref="ClassFormatException"/> on the first problem. Attribute contents (Code, stack maps,
/// annotations) are decoded on access and checked then.
/// </summary>
public sealed class JavaClass
{
    public const int MinMajorVersion = 45;
    public const int MaxMajorVersion = 69;

    private readonly int[] _fieldOffsets;
    private readonly int[] _methodOffsets;
    private readonly int _interfacesOffset;
    private readonly int _attributesOffset;
    private AttributeNameSlots _attributeNames; // the attribute names met so far, with their kinds

    private JavaClass(ReadOnlyMemory<byte> bytes, ConstantPool pool, int[] fieldOffsets, int[] methodOffsets, int interfacesOffset, int attributesOffset)
    {
        Bytes = bytes;
        ConstantPool = pool;
        _fieldOffsets = fieldOffsets;
        _methodOffsets = methodOffsets;
        _interfacesOffset = interfacesOffset;
        _attributesOffset = attributesOffset;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public ConstantPool ConstantPool { get; }

    public int MinorVersion => BinaryPrimitives.ReadUInt16BigEndian(Bytes.Span.Slice(4));

    public int MajorVersion => BinaryPrimitives.ReadUInt16BigEndian(Bytes.Span.Slice(6));

    public AccessFlags AccessFlags => (AccessFlags)U2(ConstantPool.EndOffset);

    public ClassHandle ThisClass => new(U2(ConstantPool.EndOffset + 2));

    /// <summary>The superclass, or a nil handle for java/lang/Object and module-info.</summary>
    public ClassHandle SuperClass => new(U2(ConstantPool.EndOffset + 4));

    /// <summary>Binary name in internal form, e.g. <c>com/acme/Foo</c>.</summary>
    public string Name => ConstantPool.GetClassNameString(ThisClass);

    public int InterfaceCount => U2(_interfacesOffset);

    public ClassHandle GetInterface(int i) => new(U2(_interfacesOffset + 2 + 2 * i));

    public int FieldCount => _fieldOffsets.Length;

    public int MethodCount => _methodOffsets.Length;

    public MemberInfo GetField(int i) => new(this, _fieldOffsets[i], isMethod: false);

    public MemberInfo GetMethod(int i) => new(this, _methodOffsets[i], isMethod: true);

    public MemberCollection Fields => new(this, _fieldOffsets, isMethod: false);

    public MemberCollection Methods => new(this, _methodOffsets, isMethod: true);

    public AttributeCollection Attributes => new(this, _attributesOffset + 2, U2(_attributesOffset));

    /// <summary>The SourceFile attribute's value, or null.</summary>
    public string? SourceFile =>
        Attributes.Find(AttributeKind.SourceFile) is { } attribute ? ConstantPool.GetString(AttributeReaders.ReadUtf8Attribute(attribute)) : null;

    /// <summary>The class Signature attribute's value, or null.</summary>
    public string? Signature =>
        Attributes.Find(AttributeKind.Signature) is { } attribute ? ConstantPool.GetString(AttributeReaders.ReadUtf8Attribute(attribute)) : null;

    /// <summary>True when this class's internal name equals the given modified-UTF-8 bytes.</summary>
    public bool NameEquals(ReadOnlySpan<byte> internalName) => ConstantPool.ClassNameEquals(ThisClass, internalName);

    // ----------------------------------------------------------------------------------- parsing

    public static JavaClass Parse(byte[] bytes) => Parse(bytes.AsMemory());

    public static JavaClass Parse(ReadOnlyMemory<byte> memory) => Parse(memory, null);

    /// <summary>
    /// Parses with tables reused from <paramref name="buffers"/> (see <see cref="ClassParseBuffers"/>): the
    /// class is valid only until the buffers serve the next parse.
    /// </summary>
    public static JavaClass Parse(ReadOnlyMemory<byte> memory, ClassParseBuffers? buffers)
    {
        var bytes = memory.Span;
        uint magic = ByteReader.U4(bytes, 0, "magic 0xCAFEBABE");
        if (magic != 0xCAFEBABE) throw new ClassFormatException(0, $"magic 0xCAFEBABE, found 0x{magic:X8}");
        int minor = ByteReader.U2(bytes, 4, "minor_version");
        int major = ByteReader.U2(bytes, 6, "major_version");
        if (major is < MinMajorVersion or > MaxMajorVersion)
            throw new ClassFormatException(6, $"a class-file major version from {MinMajorVersion} to {MaxMajorVersion}, found {major}.{minor}");

        var pool = ConstantPool.Parse(memory, buffers);
        int p = pool.EndOffset;
        ByteReader.Require(bytes, p, 8, "access_flags, this_class, super_class and interfaces_count");
        pool.RequireIndex(ByteReader.U2(bytes, p + 2, "this_class"), ConstantKind.Class, p + 2);
        int super = ByteReader.U2(bytes, p + 4, "super_class");
        if (super != 0) pool.RequireIndex(super, ConstantKind.Class, p + 4);

        int interfacesOffset = p + 6;
        int interfaceCount = ByteReader.U2(bytes, interfacesOffset, "interfaces_count");
        ByteReader.Require(bytes, interfacesOffset + 2, 2L * interfaceCount, "interfaces");
        for (int i = 0; i < interfaceCount; i++)
        {
            int at = interfacesOffset + 2 + 2 * i;
            pool.RequireIndex(ByteReader.U2(bytes, at, "interface"), ConstantKind.Class, at);
        }
        p = interfacesOffset + 2 + 2 * interfaceCount;

        var fields = ParseMembers(bytes, pool, ref p, "field");
        var methods = ParseMembers(bytes, pool, ref p, "method");
        int attributesOffset = p;
        p = SkipAttributes(bytes, pool, p, "class attribute");
        if (p != bytes.Length)
            throw new ClassFormatException(p, $"the end of the class file after the class attributes, found {bytes.Length - p} more bytes");
        return new JavaClass(memory, pool, fields, methods, interfacesOffset, attributesOffset);
    }

    private static int[] ParseMembers(ReadOnlySpan<byte> bytes, ConstantPool pool, ref int p, string what)
    {
        int count = ByteReader.U2(bytes, p, what, "s_count");
        p += 2;
        var offsets = count == 0 ? [] : new int[count];
        for (int i = 0; i < count; i++)
        {
            offsets[i] = p;
            ByteReader.Require(bytes, p, 8, what, "_info header");
            pool.RequireIndex(ByteReader.U2(bytes, p + 2, what, " name_index"), ConstantKind.Utf8, p + 2);
            pool.RequireIndex(ByteReader.U2(bytes, p + 4, what, " descriptor_index"), ConstantKind.Utf8, p + 4);
            p = SkipAttributes(bytes, pool, p + 6, what == "field" ? "field attribute" : "method attribute");
        }
        return offsets;
    }

    /// <summary>Checks the framing of an attributes table at <paramref name="p"/> (count + entries) and returns the offset after it.</summary>
    internal static int SkipAttributes(ReadOnlySpan<byte> bytes, ConstantPool pool, int p, string what)
    {
        int count = ByteReader.U2(bytes, p, what, "s_count");
        p += 2;
        for (int i = 0; i < count; i++)
        {
            pool.RequireIndex(ByteReader.U2(bytes, p, what, " name_index"), ConstantKind.Utf8, p);
            uint length = ByteReader.U4(bytes, p + 2, what, " length");
            ByteReader.Require(bytes, p + 6, length, what, " payload");
            p += 6 + (int)length;
        }
        return p;
    }

    internal AttributeInfo ReadAttributeHeader(int offset)
    {
        var span = Bytes.Span;
        var name = new Utf8Handle(BinaryPrimitives.ReadUInt16BigEndian(span.Slice(offset)));
        int length = BinaryPrimitives.ReadInt32BigEndian(span.Slice(offset + 2));
        return new AttributeInfo(this, offset, name, IdentifyAttribute(name), length);
    }

    private AttributeKind IdentifyAttribute(Utf8Handle name)
    {
        // A class names few attributes (Code, LineNumberTable, StackMapTable, …), so a few slots searched
        // in turn remember them; a table the size of the pool was 3 % of a scan's allocations.
        int free = -1;
        for (int i = 0; i < AttributeNameSlots.Length; i++)
        {
            int slot = _attributeNames[i];
            if (slot == 0)
            {
                free = i;
                break;
            }
            if (slot >>> 8 == name.Index) return (AttributeKind)((slot & 0xFF) - 1);
        }
        var kind = AttributeNames.Identify(ConstantPool.GetUtf8Bytes(name));
        // A race between two readers of one class loses at most one slot: the next lookup identifies again.
        if (free >= 0) _attributeNames[free] = name.Index << 8 | (int)kind + 1;
        return kind;
    }

    /// <summary>Slots of <c>utf8 index &lt;&lt; 8 | kind + 1</c>; 0 is free.</summary>
    [InlineArray(Length)]
    private struct AttributeNameSlots
    {
        public const int Length = 12;
        private int _slot;
    }

    internal int U2(int offset) => BinaryPrimitives.ReadUInt16BigEndian(Bytes.Span.Slice(offset));
}
