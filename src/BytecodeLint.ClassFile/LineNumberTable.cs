namespace BytecodeLint.ClassFile;

/// <summary>A LineNumberTable attribute: (start_pc, line_number) pairs in table order.</summary>
public readonly struct LineNumberTable
{
    private readonly AttributeInfo _attribute;

    public LineNumberTable(AttributeInfo attribute)
    {
        int count = AttributeReaders.RequireCount(attribute, 4, "line_number_table_length");
        _attribute = attribute;
        Count = count;
    }

    public int Count { get; }

    public (int StartPc, int Line) this[int i]
    {
        get
        {
            int at = _attribute.DataOffset + 2 + 4 * i;
            return (_attribute.Owner.U2(at), _attribute.Owner.U2(at + 2));
        }
    }
}

/// <summary>A LocalVariableTable (or LocalVariableTypeTable) attribute.</summary>
public readonly struct LocalVariableTable
{
    private readonly AttributeInfo _attribute;

    public LocalVariableTable(AttributeInfo attribute)
    {
        int count = AttributeReaders.RequireCount(attribute, 10, "local_variable_table_length");
        var pool = attribute.Owner.ConstantPool;
        for (int i = 0; i < count; i++)
        {
            int at = attribute.DataOffset + 2 + 10 * i;
            pool.RequireIndex(attribute.Owner.U2(at + 4), ConstantKind.Utf8, at + 4);
            pool.RequireIndex(attribute.Owner.U2(at + 6), ConstantKind.Utf8, at + 6);
        }
        _attribute = attribute;
        Count = count;
    }

    public int Count { get; }

    public (int StartPc, int Length, Utf8Handle Name, Utf8Handle Descriptor, int Slot) this[int i]
    {
        get
        {
            var owner = _attribute.Owner;
            int at = _attribute.DataOffset + 2 + 10 * i;
            return (owner.U2(at), owner.U2(at + 2), new Utf8Handle(owner.U2(at + 4)), new Utf8Handle(owner.U2(at + 6)), owner.U2(at + 8));
        }
    }
}
