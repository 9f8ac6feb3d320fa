namespace BytecodeLint.ClassFile;

/// <summary>
/// One row of <see cref="OpcodeInfo"/>: the facts JVMS §6.5 gives for one opcode. A 16-byte readonly
/// struct so that the 256-row table is one small array indexed by the opcode byte.
/// </summary>
public readonly struct OpcodeRow
{
    /// <summary><see cref="Length"/> of tableswitch, lookupswitch and wide, whose length depends on their operands.</summary>
    public const int VariableLength = 0;

    /// <summary><see cref="Length"/> of an opcode not defined by JVMS §6.5 (0xCA–0xFF, JVMS §6.2 reserves some of them).</summary>
    public const int UndefinedLength = -1;

    /// <summary>
    /// <see cref="Pops"/> or <see cref="Pushes"/> that depend on the operand: the field or method descriptor
    /// (get/put field/static, invoke*), the dimensions byte (multianewarray) or the modified opcode (wide).
    /// <see cref="OpcodeInfo.TryGetStackEffect"/> computes them.
    /// </summary>
    public const int DependsOnOperand = -1;

    private readonly sbyte _length, _wideLength, _pops, _pushes, _implicitLocal;

    internal OpcodeRow(Opcode opcode, string mnemonic, int length, int pops, int pushes, FlowKind flow, OperandKind operands,
        int wideLength = 0, int implicitLocal = -1)
    {
        Opcode = opcode;
        Mnemonic = mnemonic;
        _length = checked((sbyte)length);
        _pops = checked((sbyte)pops);
        _pushes = checked((sbyte)pushes);
        Flow = flow;
        Operands = operands;
        _wideLength = checked((sbyte)wideLength);
        _implicitLocal = checked((sbyte)implicitLocal);
    }

    /// <summary>The JVMS mnemonic (<c>ldc2_w</c>); <c>0xCB</c>-style for undefined opcodes.</summary>
    public string Mnemonic { get; }

    public Opcode Opcode { get; }

    /// <summary>
    /// Total length in bytes including the opcode; <see cref="VariableLength"/> for tableswitch, lookupswitch and
    /// wide; <see cref="UndefinedLength"/> for undefined opcodes.
    /// </summary>
    public int Length => _length;

    /// <summary>Total length of <c>wide</c> + this opcode + widened operands (4, or 6 for iinc); 0 where wide may not modify it.</summary>
    public int WideLength => _wideLength;

    /// <summary>Operand-stack slots popped (long and double take two), or <see cref="DependsOnOperand"/>.</summary>
    public int Pops => _pops;

    /// <summary>Operand-stack slots pushed (long and double take two), or <see cref="DependsOnOperand"/>.</summary>
    public int Pushes => _pushes;

    /// <summary>
    /// Where control goes next. For <c>wide</c> this is <see cref="FlowKind.FallsThrough"/>; the cursor reports the
    /// modified opcode (wide ret is a <see cref="FlowKind.Ret"/>).
    /// </summary>
    public FlowKind Flow { get; }

    public OperandKind Operands { get; }

    /// <summary>The local named by the opcode itself (2 for <c>lload_2</c>), or -1.</summary>
    public int ImplicitLocal => _implicitLocal;

    public bool IsDefined => _length != UndefinedLength;

    /// <summary>True when <see cref="Pops"/> and <see cref="Pushes"/> are known without looking at the operands.</summary>
    public bool HasFixedStackEffect => _pops >= 0 && _pushes >= 0;

    public override string ToString() => Mnemonic;
}
