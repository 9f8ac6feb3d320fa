namespace BytecodeLint.ClassFile;

/// <summary>Where control goes after an instruction (JVMS §4.10.2.2 "possible successors", §6.5 per opcode).</summary>
public enum FlowKind : byte
{
    /// <summary>Continues with the next instruction (including every instruction that may only throw).</summary>
    FallsThrough,

    /// <summary>goto, goto_w: always jumps to the branch target.</summary>
    UnconditionalBranch,

    /// <summary>if*, if_icmp*, if_acmp*, ifnull, ifnonnull: jumps to the target or falls through.</summary>
    ConditionalBranch,

    /// <summary>tableswitch, lookupswitch: jumps to the default or a case target, never falls through.</summary>
    Switch,

    /// <summary>ireturn … return: leaves the method.</summary>
    Return,

    /// <summary>athrow: goes to a handler or leaves the method.</summary>
    Throw,

    /// <summary>jsr, jsr_w: jumps to a subroutine, pushing the address of the next instruction.</summary>
    Jsr,

    /// <summary>ret: returns from a subroutine to the address held in a local.</summary>
    Ret,
}

/// <summary>The layout of an instruction's operand bytes after the opcode (JVMS §6.5 "Format").</summary>
public enum OperandKind : byte
{
    /// <summary>No operand bytes (iload_0 and friends name their local in the opcode: <see cref="OpcodeRow.ImplicitLocal"/>).</summary>
    None,

    /// <summary>u1 local-variable index (u2 under wide): loads, stores, ret.</summary>
    Local,

    /// <summary>bipush: s1 value.</summary>
    SignedByte,

    /// <summary>sipush: s2 value.</summary>
    SignedShort,

    /// <summary>ldc: u1 constant-pool index.</summary>
    ConstantU1,

    /// <summary>u2 constant-pool index: ldc_w, ldc2_w, field instructions, invokevirtual/special/static, new, anewarray, checkcast, instanceof.</summary>
    ConstantU2,

    /// <summary>s2 branch offset relative to the opcode.</summary>
    BranchS2,

    /// <summary>s4 branch offset relative to the opcode (goto_w, jsr_w).</summary>
    BranchS4,

    /// <summary>iinc: u1 local index and s1 increment (u2 and s2 under wide).</summary>
    Iinc,

    /// <summary>tableswitch, lookupswitch: 0–3 padding bytes to a 4-byte boundary of the code, then s4 operands.</summary>
    Switch,

    /// <summary>newarray: u1 atype.</summary>
    NewArrayType,

    /// <summary>invokeinterface: u2 constant-pool index, u1 count, u1 zero.</summary>
    InvokeInterface,

    /// <summary>invokedynamic: u2 constant-pool index, two zero bytes.</summary>
    InvokeDynamic,

    /// <summary>multianewarray: u2 constant-pool index, u1 dimensions.</summary>
    MultiANewArray,

    /// <summary>wide: the modified opcode, then its widened operands.</summary>
    Wide,
}
