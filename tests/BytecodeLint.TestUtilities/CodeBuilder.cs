namespace BytecodeLint.TestUtilities;

/// <summary>
/// Appends bytecode instruction by instruction. Offsets are explicit (no labels): branch helpers take
/// the signed offset relative to the branch instruction's own pc, exactly as stored (JVMS 6.5), so
/// tests can also branch out of the code. Use <see cref="Pc"/> to compute them.
/// </summary>
public sealed class CodeBuilder
{
    private readonly ClassFileWriter _writer = new();

    /// <summary>The offset of the next instruction from the start of the code array.</summary>
    public int Pc => _writer.Length;

    public CodeBuilder Op(byte opcode) => U1(opcode);

    public CodeBuilder U1(int value)
    {
        _writer.U1(value);
        return this;
    }

    public CodeBuilder U2(int value)
    {
        _writer.U2(value);
        return this;
    }

    public CodeBuilder S2(int value)
    {
        _writer.S2(value);
        return this;
    }

    public CodeBuilder S4(int value)
    {
        _writer.S4(value);
        return this;
    }

    public CodeBuilder Bytes(params byte[] bytes)
    {
        _writer.Bytes(bytes);
        return this;
    }

    /// <summary><c>ldc</c> with a one-byte pool index (0..255).</summary>
    public CodeBuilder Ldc(int index) => Op(CodeOpcodes.Ldc).U1(index);

    public CodeBuilder LdcW(int index) => Op(CodeOpcodes.LdcW).U2(index);

    public CodeBuilder Ldc2W(int index) => Op(CodeOpcodes.Ldc2W).U2(index);

    public CodeBuilder GetStatic(int fieldrefIndex) => Op(CodeOpcodes.Getstatic).U2(fieldrefIndex);

    public CodeBuilder PutStatic(int fieldrefIndex) => Op(CodeOpcodes.Putstatic).U2(fieldrefIndex);

    public CodeBuilder GetField(int fieldrefIndex) => Op(CodeOpcodes.Getfield).U2(fieldrefIndex);

    public CodeBuilder PutField(int fieldrefIndex) => Op(CodeOpcodes.Putfield).U2(fieldrefIndex);

    public CodeBuilder InvokeVirtual(int methodrefIndex) => Op(CodeOpcodes.Invokevirtual).U2(methodrefIndex);

    public CodeBuilder InvokeSpecial(int methodrefIndex) => Op(CodeOpcodes.Invokespecial).U2(methodrefIndex);

    public CodeBuilder InvokeStatic(int methodrefIndex) => Op(CodeOpcodes.Invokestatic).U2(methodrefIndex);

    /// <summary><c>invokeinterface</c>: index, count (argument slots + 1), then the mandatory zero byte.</summary>
    public CodeBuilder InvokeInterface(int interfaceMethodrefIndex, int count) =>
        Op(CodeOpcodes.Invokeinterface).U2(interfaceMethodrefIndex).U1(count).U1(0);

    /// <summary><c>invokedynamic</c>: index then the two mandatory zero bytes.</summary>
    public CodeBuilder InvokeDynamic(int invokeDynamicIndex) => Op(CodeOpcodes.Invokedynamic).U2(invokeDynamicIndex).U2(0);

    public CodeBuilder New(int classIndex) => Op(CodeOpcodes.New).U2(classIndex);

    public CodeBuilder CheckCast(int classIndex) => Op(CodeOpcodes.Checkcast).U2(classIndex);

    public CodeBuilder InstanceOf(int classIndex) => Op(CodeOpcodes.Instanceof).U2(classIndex);

    /// <summary><c>goto</c> with a 16-bit offset relative to this instruction's pc.</summary>
    public CodeBuilder Goto(int offset) => Op(CodeOpcodes.Goto).S2(offset);

    /// <summary><c>goto_w</c> with a 32-bit offset relative to this instruction's pc.</summary>
    public CodeBuilder GotoW(int offset) => Op(CodeOpcodes.GotoW).S4(offset);

    /// <summary>Any two-byte-offset branch (<c>ifeq</c>..<c>if_acmpne</c>, <c>ifnull</c>, <c>ifnonnull</c>, <c>jsr</c>).</summary>
    public CodeBuilder Branch(byte opcode, int offset) => Op(opcode).S2(offset);

    /// <summary><c>iinc</c> with a one-byte local index and signed one-byte increment.</summary>
    public CodeBuilder Iinc(int local, int increment)
    {
        ClassFileWriter.CheckRange(increment, sbyte.MinValue, sbyte.MaxValue, nameof(increment));
        return Op(CodeOpcodes.Iinc).U1(local).U1(increment & 0xFF);
    }

    /// <summary>
    /// <c>tableswitch</c>: 0-3 zero pad bytes so the default offset starts at a multiple of 4 from the
    /// start of the code, then default, low, high and the jump offsets (all relative to the switch's pc).
    /// The offsets are written as given, even if their number does not match high - low + 1.
    /// </summary>
    public CodeBuilder TableSwitch(int defaultOffset, int low, int high, params int[] offsets)
    {
        Op(CodeOpcodes.Tableswitch).Pad().S4(defaultOffset).S4(low).S4(high);
        foreach (var offset in offsets)
            S4(offset);
        return this;
    }

    /// <summary>
    /// <c>lookupswitch</c>: padding as for <see cref="TableSwitch"/>, default, npairs, then the
    /// (match, offset) pairs in the given order (not sorted, so unsorted tables can be built).
    /// </summary>
    public CodeBuilder LookupSwitch(int defaultOffset, params (int Match, int Offset)[] pairs)
    {
        Op(CodeOpcodes.Lookupswitch).Pad().S4(defaultOffset).S4(pairs.Length);
        foreach (var (match, offset) in pairs)
            S4(match).S4(offset);
        return this;
    }

    /// <summary><c>wide</c> + a load, store or <c>ret</c> opcode with a two-byte local index.</summary>
    public CodeBuilder Wide(byte opcode, int local) => Op(CodeOpcodes.Wide).Op(opcode).U2(local);

    /// <summary><c>wide iinc</c> with a two-byte local index and signed two-byte increment.</summary>
    public CodeBuilder WideIinc(int local, int increment) => Op(CodeOpcodes.Wide).Op(CodeOpcodes.Iinc).U2(local).S2(increment);

    public CodeBuilder Return() => Op(CodeOpcodes.Return);

    public CodeBuilder AThrow() => Op(CodeOpcodes.Athrow);

    /// <summary>The code bytes appended so far.</summary>
    public byte[] ToArray() => _writer.ToArray();

    private CodeBuilder Pad()
    {
        _writer.Zeros((4 - Pc % 4) % 4);
        return this;
    }
}
