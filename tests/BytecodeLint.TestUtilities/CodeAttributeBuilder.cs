namespace BytecodeLint.TestUtilities;

/// <summary>
/// The parts of a Code attribute (JVMS 4.7.3) besides the bytecode: max_stack, max_locals, the
/// exception table and the nested attributes (LineNumberTable, LocalVariableTable, StackMapTable...).
/// Obtained from the <c>configure</c> callback of <see cref="ClassFileAttributes.Code(int,int,CodeBuilder,Action{CodeAttributeBuilder}?)"/>.
/// </summary>
public sealed class CodeAttributeBuilder
{
    private readonly Func<byte[]> _code;
    private readonly List<(int StartPc, int EndPc, int HandlerPc, int CatchTypeIndex)> _handlers = [];

    internal CodeAttributeBuilder(ConstantPoolBuilder pool, int maxStack, int maxLocals, Func<byte[]> code)
    {
        Pool = pool;
        MaxStack = maxStack;
        MaxLocals = maxLocals;
        _code = code;
        Attributes = new ClassFileAttributes(pool);
    }

    public ConstantPoolBuilder Pool { get; }

    public int MaxStack { get; set; }

    public int MaxLocals { get; set; }

    /// <summary>When set, written as code_length instead of the real byte count (the bytes are still all written).</summary>
    public uint? CodeLengthOverride { get; set; }

    /// <summary>The Code attribute's own attributes.</summary>
    public ClassFileAttributes Attributes { get; }

    /// <summary>Adds an exception table entry; <paramref name="catchTypeIndex"/> 0 means "any" (finally).</summary>
    public CodeAttributeBuilder Handler(int startPc, int endPc, int handlerPc, int catchTypeIndex)
    {
        _handlers.Add((startPc, endPc, handlerPc, catchTypeIndex));
        return this;
    }

    /// <summary>Adds an exception table entry catching <paramref name="catchType"/> (an internal class name, added to the pool).</summary>
    public CodeAttributeBuilder Handler(int startPc, int endPc, int handlerPc, string catchType) =>
        Handler(startPc, endPc, handlerPc, Pool.Class(catchType));

    public CodeAttributeBuilder LineNumberTable(params (int StartPc, int Line)[] entries)
    {
        Attributes.LineNumberTable(entries);
        return this;
    }

    public CodeAttributeBuilder LocalVariableTable(params (int StartPc, int Length, string Name, string Descriptor, int Slot)[] entries)
    {
        Attributes.LocalVariableTable(entries);
        return this;
    }

    /// <summary>A StackMapTable with raw <c>info</c> bytes (number_of_entries included).</summary>
    public CodeAttributeBuilder StackMapTable(byte[] info)
    {
        Attributes.StackMapTable(info);
        return this;
    }

    /// <summary>Any nested attribute, raw.</summary>
    public CodeAttributeBuilder Attribute(string name, byte[] info)
    {
        Attributes.Raw(name, info);
        return this;
    }

    internal byte[] ToInfo()
    {
        var code = _code();
        var writer = new ClassFileWriter()
            .U2(MaxStack)
            .U2(MaxLocals)
            .U4(CodeLengthOverride ?? (uint)code.Length)
            .Bytes(code)
            .U2(_handlers.Count);
        foreach (var (startPc, endPc, handlerPc, catchType) in _handlers)
            writer.U2(startPc).U2(endPc).U2(handlerPc).U2(catchType);
        Attributes.WriteTo(writer);
        return writer.ToArray();
    }
}
