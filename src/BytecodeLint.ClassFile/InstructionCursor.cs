using System.Buffers.Binary;

namespace BytecodeLint.ClassFile;

/// <summary>
/// Walks the instructions of a Code array from pc 0 without allocating. Operand bytes are never
/// mistaken for opcodes; switch padding is relative to the start of the code array (JVMS §6.5
/// tableswitch). A bad opcode or an instruction running past the end throws
/// <see cref="ClassFormatException"/> with the absolute offset in the class file.
/// </summary>
public ref struct InstructionCursor
{
    private readonly ReadOnlySpan<byte> _code;
    private readonly int _codeOffset; // offset of code[0] in the class file, for error messages
    private int _next;

    public InstructionCursor(ReadOnlySpan<byte> code, int codeOffsetInClassFile = 0)
    {
        _code = code;
        _codeOffset = codeOffsetInClassFile;
        _next = 0;
        Offset = -1;
        Length = 0;
        Opcode = Opcode.Nop;
        IsWide = false;
    }

    /// <summary>The pc of the current instruction.</summary>
    public int Offset { get; private set; }

    /// <summary>Total length of the current instruction in bytes (including a <c>wide</c> prefix).</summary>
    public int Length { get; private set; }

    /// <summary>The current opcode; for a <c>wide</c> instruction, the opcode it modifies.</summary>
    public Opcode Opcode { get; private set; }

    /// <summary>True when the current instruction carries the <c>wide</c> prefix.</summary>
    public bool IsWide { get; private set; }

    public bool MoveNext()
    {
        if (_next >= _code.Length) return false;
        int pc = _next;
        byte op = _code[pc];
        int length = OpcodeInfo.Row(op).Length;
        IsWide = false;
        if (length < 0) throw Error(pc, $"an opcode, found undefined opcode 0x{op:X2}");
        if (length == 0) length = VariableLength(pc, op);
        if (length > _code.Length - pc) throw Error(pc, $"{OpcodeInfo.Mnemonic((Opcode)op)} operands ({length} bytes) inside the code array");
        Offset = pc;
        Length = length;
        Opcode = IsWide ? (Opcode)_code[pc + 1] : (Opcode)op;
        _next = pc + length;
        return true;
    }

    private int VariableLength(int pc, byte op)
    {
        switch ((Opcode)op)
        {
            case Opcode.Wide:
            {
                if (pc + 1 >= _code.Length) throw Error(pc, "an opcode after wide");
                byte modified = _code[pc + 1];
                IsWide = true;
                int wideLength = OpcodeInfo.Row(modified).WideLength; // JVMS §6.5 wide: 4, or 6 for iinc
                return wideLength != 0 ? wideLength : throw Error(pc + 1, $"a load, store, iinc or ret after wide, found 0x{modified:X2}");
            }
            case Opcode.Tableswitch:
            {
                int operands = SwitchOperands(pc);
                long low = ReadS4(operands + 4), high = ReadS4(operands + 8);
                if (high < low) throw Error(operands + 8, $"tableswitch high ≥ low, found low {low}, high {high}");
                long total = operands + 12 + 4 * (high - low + 1) - pc;
                return total > _code.Length - pc ? throw Error(pc, "tableswitch jump table inside the code array") : (int)total;
            }
            case Opcode.Lookupswitch:
            {
                int operands = SwitchOperands(pc);
                long pairs = ReadS4(operands + 4);
                if (pairs < 0) throw Error(operands + 4, $"lookupswitch npairs ≥ 0, found {pairs}");
                long total = operands + 8 + 8 * pairs - pc;
                return total > _code.Length - pc ? throw Error(pc, "lookupswitch pairs inside the code array") : (int)total;
            }
            default:
                throw Error(pc, $"a known opcode, found 0x{op:X2}");
        }
    }

    /// <summary>pc of the first 4-byte operand after 0–3 padding bytes (aligned to the code start).</summary>
    private readonly int SwitchOperands(int pc) => pc + 1 + ((3 - pc) & 3);

    private readonly int ReadS4(int at)
    {
        // Clamped so the reported offset stays inside the code array (and so inside the class file).
        if (at < 0 || at > _code.Length - 4) throw Error(Math.Clamp(at, 0, _code.Length), $"a 4-byte switch operand at pc {at} inside the code array");
        return BinaryPrimitives.ReadInt32BigEndian(_code.Slice(at));
    }

    // ------------------------------------------------------------------------------ operands

    /// <summary>The table row of the current opcode (for wide, of the opcode it modifies): flow, operands, stack effect.</summary>
    public readonly OpcodeRow Info => OpcodeInfo.Get(Opcode);

    /// <summary>Constant-pool index operand of ldc (1 byte), ldc_w, ldc2_w, field/method/type instructions (2 bytes), or -1.</summary>
    public readonly int ConstantIndex => OpcodeInfo.Row((byte)Opcode).Operands switch
    {
        OperandKind.ConstantU1 => _code[Offset + 1],
        OperandKind.ConstantU2 or OperandKind.InvokeInterface or OperandKind.InvokeDynamic or OperandKind.MultiANewArray
            => BinaryPrimitives.ReadUInt16BigEndian(_code.Slice(Offset + 1)),
        _ => -1,
    };

    /// <summary>Local-variable index of a load/store/iinc/ret (wide-aware), or -1.</summary>
    public readonly int LocalIndex
    {
        get
        {
            if (IsWide) return BinaryPrimitives.ReadUInt16BigEndian(_code.Slice(Offset + 2));
            ref readonly var row = ref OpcodeInfo.Row((byte)Opcode);
            return row.Operands is OperandKind.Local or OperandKind.Iinc ? _code[Offset + 1] : row.ImplicitLocal;
        }
    }

    /// <summary>
    /// Stack slots popped and pushed by the current instruction. <paramref name="descriptor"/> is the field or
    /// method descriptor its constant-pool operand refers to, needed for get/put field/static and invoke*;
    /// multianewarray reads its dimensions byte. False when the effect cannot be computed (malformed descriptor).
    /// </summary>
    public readonly bool TryGetStackEffect(ReadOnlySpan<char> descriptor, out int pops, out int pushes) =>
        OpcodeInfo.TryGetStackEffect(Opcode, descriptor, Opcode == Opcode.Multianewarray ? _code[Offset + 3] : 0, out pops, out pushes);

    /// <summary>The increment of an iinc (wide-aware).</summary>
    public readonly int IincConstant =>
        IsWide ? BinaryPrimitives.ReadInt16BigEndian(_code.Slice(Offset + 4)) : (sbyte)_code[Offset + 2];

    /// <summary>bipush/sipush operand value.</summary>
    public readonly int PushValue => OpcodeInfo.Row((byte)Opcode).Operands == OperandKind.SignedByte ? (sbyte)_code[Offset + 1] : BinaryPrimitives.ReadInt16BigEndian(_code.Slice(Offset + 1));

    /// <summary>True for conditional and unconditional branches with a single target (if*, goto, jsr, goto_w, jsr_w).</summary>
    public readonly bool IsBranch => OpcodeInfo.Row((byte)Opcode).Operands is OperandKind.BranchS2 or OperandKind.BranchS4;

    /// <summary>Absolute target pc of a branch instruction.</summary>
    public readonly int BranchTarget => OpcodeInfo.Row((byte)Opcode).Operands == OperandKind.BranchS4
        ? Offset + BinaryPrimitives.ReadInt32BigEndian(_code.Slice(Offset + 1))
        : Offset + BinaryPrimitives.ReadInt16BigEndian(_code.Slice(Offset + 1));

    /// <summary>Default target pc of a tableswitch/lookupswitch.</summary>
    public readonly int SwitchDefaultTarget => Offset + ReadS4(SwitchOperands(Offset));

    /// <summary>Number of non-default cases of a tableswitch/lookupswitch.</summary>
    public readonly int SwitchCaseCount
    {
        get
        {
            int operands = SwitchOperands(Offset);
            return Opcode == Opcode.Tableswitch ? ReadS4(operands + 8) - ReadS4(operands + 4) + 1 : ReadS4(operands + 4);
        }
    }

    /// <summary>Key and absolute target pc of case <paramref name="i"/> of a tableswitch/lookupswitch.</summary>
    public readonly (int Key, int Target) GetSwitchCase(int i)
    {
        int operands = SwitchOperands(Offset);
        if (Opcode == Opcode.Tableswitch)
            return (ReadS4(operands + 4) + i, Offset + ReadS4(operands + 12 + 4 * i));
        int pair = operands + 8 + 8 * i;
        return (ReadS4(pair), Offset + ReadS4(pair + 4));
    }

    /// <summary>Number of dimensions of multianewarray; the count byte of invokeinterface.</summary>
    public readonly int ThirdOperandByte => _code[Offset + 3];

    /// <summary>The atype operand of newarray.</summary>
    public readonly int ArrayType => _code[Offset + 1];

    /// <summary>The raw bytes of the current instruction.</summary>
    public readonly ReadOnlySpan<byte> Bytes => _code.Slice(Offset, Length);

    private readonly ClassFormatException Error(int pc, string expected) =>
        new(_codeOffset + pc, $"{expected} (pc {pc})");
}
