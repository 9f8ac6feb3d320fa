using System.Buffers.Binary;

namespace BytecodeLint.ClassFile;

/// <summary>One exception-table entry of a Code attribute. <see cref="CatchType"/> is nil for catch-any (finally).</summary>
public readonly record struct ExceptionHandler(int Index, int StartPc, int EndPc, int HandlerPc, ClassHandle CatchType);

/// <summary>
/// A method's Code attribute (JVMS §4.7.3), decoded and checked when read: code length, exception
/// table (pcs inside the code, catch types that are Class constants) and the framing of its own
/// attributes (LineNumberTable, LocalVariableTable, StackMapTable, ...).
/// </summary>
public readonly struct CodeAttribute
{
    private readonly int _exceptionTableOffset; // offset of exception_table_length

    private CodeAttribute(AttributeInfo attribute, int codeOffset, int codeLength, int exceptionTableOffset, int attributesOffset)
    {
        Attribute = attribute;
        CodeOffset = codeOffset;
        CodeLength = codeLength;
        _exceptionTableOffset = exceptionTableOffset;
        AttributesOffset = attributesOffset;
    }

    public AttributeInfo Attribute { get; }

    public JavaClass Owner => Attribute.Owner;

    public int MaxStack => Owner.U2(Attribute.DataOffset);

    public int MaxLocals => Owner.U2(Attribute.DataOffset + 2);

    /// <summary>Offset of code[0] in the class bytes.</summary>
    public int CodeOffset { get; }

    public int CodeLength { get; }

    public ReadOnlySpan<byte> Code => Owner.Bytes.Span.Slice(CodeOffset, CodeLength);

    /// <summary>A fresh cursor over the instructions, from pc 0.</summary>
    public InstructionCursor GetInstructions() => new(Code, CodeOffset);

    public int ExceptionHandlerCount => Owner.U2(_exceptionTableOffset);

    public ExceptionHandler GetExceptionHandler(int i)
    {
        int at = _exceptionTableOffset + 2 + 8 * i;
        return new ExceptionHandler(i, Owner.U2(at), Owner.U2(at + 2), Owner.U2(at + 4), new ClassHandle(Owner.U2(at + 6)));
    }

    /// <summary>Offset of attributes_count of the Code attribute's own attributes.</summary>
    internal int AttributesOffset { get; }

    public AttributeCollection Attributes => new(Owner, AttributesOffset + 2, Owner.U2(AttributesOffset));

    /// <summary>The StackMapTable, or null when the method has none.</summary>
    public StackMapTable? GetStackMapTable() =>
        Attributes.Find(AttributeKind.StackMapTable) is { } attribute ? new StackMapTable(attribute, CodeLength) : null;

    /// <summary>Sum of the entries of every LineNumberTable attribute (a method may carry several).</summary>
    public int LineNumberEntryCount
    {
        get
        {
            int total = 0;
            foreach (var attribute in Attributes)
                if (attribute.Kind == AttributeKind.LineNumberTable) total += new LineNumberTable(attribute).Count;
            return total;
        }
    }

    /// <summary>Reads and validates a Code attribute.</summary>
    public static CodeAttribute Read(AttributeInfo attribute)
    {
        var owner = attribute.Owner;
        var bytes = owner.Bytes.Span;
        int start = attribute.DataOffset, end = start + attribute.Length;
        var body = bytes.Slice(0, end); // reads past the attribute's end fail as truncation
        int codeLength = ByteReader.S4(body, start + 4, "code_length");
        if (codeLength <= 0 || codeLength > 65535)
            throw new ClassFormatException(start + 4, $"code_length from 1 to 65535, found {(uint)codeLength}");
        int codeOffset = start + 8;
        ByteReader.Require(body, codeOffset, codeLength, "code bytes");
        int table = codeOffset + codeLength;
        int handlers = ByteReader.U2(body, table, "exception_table_length");
        ByteReader.Require(body, table + 2, 8L * handlers, "exception table entries");
        for (int i = 0; i < handlers; i++)
        {
            int at = table + 2 + 8 * i;
            int startPc = BinaryPrimitives.ReadUInt16BigEndian(body.Slice(at));
            int endPc = BinaryPrimitives.ReadUInt16BigEndian(body.Slice(at + 2));
            int handlerPc = BinaryPrimitives.ReadUInt16BigEndian(body.Slice(at + 4));
            int catchType = BinaryPrimitives.ReadUInt16BigEndian(body.Slice(at + 6));
            if (startPc >= endPc || endPc > codeLength)
                throw new ClassFormatException(at, $"an exception range with start_pc < end_pc ≤ code_length ({codeLength}), found {startPc}..{endPc}");
            if (handlerPc >= codeLength)
                throw new ClassFormatException(at + 4, $"a handler_pc inside the code (< {codeLength}), found {handlerPc}");
            if (catchType != 0) owner.ConstantPool.RequireIndex(catchType, ConstantKind.Class, at + 6);
        }
        int attributes = table + 2 + 8 * handlers;
        int after = JavaClass.SkipAttributes(body, owner.ConstantPool, attributes, "Code attribute");
        if (after != end)
            throw new ClassFormatException(after, $"the end of the Code attribute at offset {end}, found {end - after} unread bytes");
        return new CodeAttribute(attribute, codeOffset, codeLength, table, attributes);
    }
}
