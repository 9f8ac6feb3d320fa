namespace BytecodeLint.ClassFile;

/// <summary>One attribute: its name, kind and where its payload sits in the class bytes.</summary>
public readonly struct AttributeInfo
{
    internal AttributeInfo(JavaClass owner, int offset, Utf8Handle name, AttributeKind kind, int length)
    {
        Owner = owner;
        Offset = offset;
        Name = name;
        Kind = kind;
        Length = length;
    }

    public JavaClass Owner { get; }

    /// <summary>Offset of <c>attribute_name_index</c>.</summary>
    public int Offset { get; }

    public Utf8Handle Name { get; }

    public AttributeKind Kind { get; }

    /// <summary><c>attribute_length</c>: payload bytes after the 6-byte header.</summary>
    public int Length { get; }

    /// <summary>Offset of the first payload byte.</summary>
    public int DataOffset => Offset + 6;

    /// <summary>The payload, kept raw for attributes the reader does not decode.</summary>
    public ReadOnlySpan<byte> Data => Owner.Bytes.Span.Slice(DataOffset, Length);

    public string NameString => Owner.ConstantPool.GetString(Name);
}

/// <summary>The attributes of a class, field, method or Code attribute; enumerating allocates nothing.</summary>
public readonly struct AttributeCollection
{
    private readonly JavaClass _owner;
    private readonly int _first; // offset of the first attribute (after attributes_count)

    internal AttributeCollection(JavaClass owner, int first, int count)
    {
        _owner = owner;
        _first = first;
        Count = count;
    }

    public int Count { get; }

    public Enumerator GetEnumerator() => new(_owner, _first, Count);

    /// <summary>The first attribute of the given kind, or null.</summary>
    public AttributeInfo? Find(AttributeKind kind)
    {
        foreach (var attribute in this)
            if (attribute.Kind == kind) return attribute;
        return null;
    }

    public struct Enumerator
    {
        private readonly JavaClass _owner;
        private int _next;
        private int _remaining;

        internal Enumerator(JavaClass owner, int first, int count)
        {
            _owner = owner;
            _next = first;
            _remaining = count;
            Current = default;
        }

        public AttributeInfo Current { get; private set; }

        public bool MoveNext()
        {
            if (_remaining <= 0) return false;
            _remaining--;
            Current = _owner.ReadAttributeHeader(_next);
            _next = Current.DataOffset + Current.Length;
            return true;
        }
    }
}
