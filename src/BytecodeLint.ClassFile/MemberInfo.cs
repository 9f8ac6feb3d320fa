namespace BytecodeLint.ClassFile;

/// <summary>A field or method (field_info / method_info) read on access from the class bytes.</summary>
public readonly struct MemberInfo
{
    private readonly JavaClass _owner;

    internal MemberInfo(JavaClass owner, int offset, bool isMethod)
    {
        _owner = owner;
        Offset = offset;
        IsMethod = isMethod;
    }

    /// <summary>Offset of the member's access_flags in the class bytes.</summary>
    public int Offset { get; }

    public bool IsMethod { get; }

    public JavaClass Owner => _owner;

    public AccessFlags AccessFlags => (AccessFlags)_owner.U2(Offset);

    public Utf8Handle Name => new(_owner.U2(Offset + 2));

    public Utf8Handle Descriptor => new(_owner.U2(Offset + 4));

    public string NameString => _owner.ConstantPool.GetString(Name);

    public string DescriptorString => _owner.ConstantPool.GetString(Descriptor);

    public AttributeCollection Attributes => new(_owner, Offset + 8, _owner.U2(Offset + 6));

    /// <summary>The Code attribute, or null for abstract/native methods and fields.</summary>
    public CodeAttribute? GetCode() =>
        Attributes.Find(AttributeKind.Code) is { } attribute ? CodeAttribute.Read(attribute) : null;

    public bool NameEquals(ReadOnlySpan<byte> name) => _owner.ConstantPool.Utf8Equals(Name, name);

    public bool DescriptorEquals(ReadOnlySpan<byte> descriptor) => _owner.ConstantPool.Utf8Equals(Descriptor, descriptor);

    public override string ToString() => NameString + DescriptorString;
}

/// <summary>The fields or methods of a class.</summary>
public readonly struct MemberCollection
{
    private readonly JavaClass _owner;
    private readonly int[] _offsets;
    private readonly bool _isMethod;

    internal MemberCollection(JavaClass owner, int[] offsets, bool isMethod)
    {
        _owner = owner;
        _offsets = offsets;
        _isMethod = isMethod;
    }

    public int Count => _offsets.Length;

    public MemberInfo this[int index] => new(_owner, _offsets[index], _isMethod);

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator(MemberCollection members)
    {
        private int _index = -1;

        public readonly MemberInfo Current => members[_index];

        public bool MoveNext() => ++_index < members.Count;
    }
}
