using static BytecodeLint.ClassFile.FlowKind;
using static BytecodeLint.ClassFile.OperandKind;

namespace BytecodeLint.ClassFile;

/// <summary>
/// The one opcode table: a row of facts per opcode byte, transcribed from JVMS §6.5 (the "Format", "Forms" and
/// "Operand Stack" paragraphs of each instruction). Lengths include the opcode byte; stack effects are in
/// slots, so long and double values count 2 (JVMS §2.6.2). The cursor, the verifier-like checks and the
/// abstract interpreters all read this table instead of classifying opcodes by hand.
/// </summary>
public static partial class OpcodeInfo
{
    /// <summary>Highest defined opcode (jsr_w). 0xCA (breakpoint) and 0xFE/0xFF are reserved and never valid in a class file.</summary>
    public const int MaxOpcode = 0xC9;

    private const int V = OpcodeRow.VariableLength;
    private const int D = OpcodeRow.DependsOnOperand;

    // Columns: opcode, mnemonic, length, pops, pushes, flow, operands [, wide length] [, implicit local].
    // Row order is opcode order so the table reads like JVMS §7 (Opcode Mnemonics by Opcode).
    private static readonly OpcodeRow[] Defined =
    [
        // Constants (JVMS §6.5 aconst_null, iconst_<i>, lconst_<l>, fconst_<f>, dconst_<d>, bipush, sipush, ldc*)
        new(Opcode.Nop, "nop", 1, 0, 0, FallsThrough, None),
        new(Opcode.AconstNull, "aconst_null", 1, 0, 1, FallsThrough, None),
        new(Opcode.IconstM1, "iconst_m1", 1, 0, 1, FallsThrough, None),
        new(Opcode.Iconst0, "iconst_0", 1, 0, 1, FallsThrough, None),
        new(Opcode.Iconst1, "iconst_1", 1, 0, 1, FallsThrough, None),
        new(Opcode.Iconst2, "iconst_2", 1, 0, 1, FallsThrough, None),
        new(Opcode.Iconst3, "iconst_3", 1, 0, 1, FallsThrough, None),
        new(Opcode.Iconst4, "iconst_4", 1, 0, 1, FallsThrough, None),
        new(Opcode.Iconst5, "iconst_5", 1, 0, 1, FallsThrough, None),
        new(Opcode.Lconst0, "lconst_0", 1, 0, 2, FallsThrough, None),
        new(Opcode.Lconst1, "lconst_1", 1, 0, 2, FallsThrough, None),
        new(Opcode.Fconst0, "fconst_0", 1, 0, 1, FallsThrough, None),
        new(Opcode.Fconst1, "fconst_1", 1, 0, 1, FallsThrough, None),
        new(Opcode.Fconst2, "fconst_2", 1, 0, 1, FallsThrough, None),
        new(Opcode.Dconst0, "dconst_0", 1, 0, 2, FallsThrough, None),
        new(Opcode.Dconst1, "dconst_1", 1, 0, 2, FallsThrough, None),
        new(Opcode.Bipush, "bipush", 2, 0, 1, FallsThrough, SignedByte),
        new(Opcode.Sipush, "sipush", 3, 0, 1, FallsThrough, SignedShort),
        // ldc and ldc_w load category-1 constants only; ldc2_w loads a long or double (JVMS §6.5 ldc2_w).
        new(Opcode.Ldc, "ldc", 2, 0, 1, FallsThrough, ConstantU1),
        new(Opcode.LdcW, "ldc_w", 3, 0, 1, FallsThrough, ConstantU2),
        new(Opcode.Ldc2W, "ldc2_w", 3, 0, 2, FallsThrough, ConstantU2),

        // Loads (JVMS §6.5 iload, iload_<n>, …, aaload …)
        new(Opcode.Iload, "iload", 2, 0, 1, FallsThrough, Local, wideLength: 4),
        new(Opcode.Lload, "lload", 2, 0, 2, FallsThrough, Local, wideLength: 4),
        new(Opcode.Fload, "fload", 2, 0, 1, FallsThrough, Local, wideLength: 4),
        new(Opcode.Dload, "dload", 2, 0, 2, FallsThrough, Local, wideLength: 4),
        new(Opcode.Aload, "aload", 2, 0, 1, FallsThrough, Local, wideLength: 4),
        new(Opcode.Iload0, "iload_0", 1, 0, 1, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Iload1, "iload_1", 1, 0, 1, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Iload2, "iload_2", 1, 0, 1, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Iload3, "iload_3", 1, 0, 1, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Lload0, "lload_0", 1, 0, 2, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Lload1, "lload_1", 1, 0, 2, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Lload2, "lload_2", 1, 0, 2, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Lload3, "lload_3", 1, 0, 2, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Fload0, "fload_0", 1, 0, 1, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Fload1, "fload_1", 1, 0, 1, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Fload2, "fload_2", 1, 0, 1, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Fload3, "fload_3", 1, 0, 1, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Dload0, "dload_0", 1, 0, 2, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Dload1, "dload_1", 1, 0, 2, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Dload2, "dload_2", 1, 0, 2, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Dload3, "dload_3", 1, 0, 2, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Aload0, "aload_0", 1, 0, 1, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Aload1, "aload_1", 1, 0, 1, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Aload2, "aload_2", 1, 0, 1, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Aload3, "aload_3", 1, 0, 1, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Iaload, "iaload", 1, 2, 1, FallsThrough, None),
        new(Opcode.Laload, "laload", 1, 2, 2, FallsThrough, None),
        new(Opcode.Faload, "faload", 1, 2, 1, FallsThrough, None),
        new(Opcode.Daload, "daload", 1, 2, 2, FallsThrough, None),
        new(Opcode.Aaload, "aaload", 1, 2, 1, FallsThrough, None),
        new(Opcode.Baload, "baload", 1, 2, 1, FallsThrough, None),
        new(Opcode.Caload, "caload", 1, 2, 1, FallsThrough, None),
        new(Opcode.Saload, "saload", 1, 2, 1, FallsThrough, None),

        // Stores (JVMS §6.5 istore, istore_<n>, …, iastore …): arrayref, index, value.
        new(Opcode.Istore, "istore", 2, 1, 0, FallsThrough, Local, wideLength: 4),
        new(Opcode.Lstore, "lstore", 2, 2, 0, FallsThrough, Local, wideLength: 4),
        new(Opcode.Fstore, "fstore", 2, 1, 0, FallsThrough, Local, wideLength: 4),
        new(Opcode.Dstore, "dstore", 2, 2, 0, FallsThrough, Local, wideLength: 4),
        new(Opcode.Astore, "astore", 2, 1, 0, FallsThrough, Local, wideLength: 4),
        new(Opcode.Istore0, "istore_0", 1, 1, 0, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Istore1, "istore_1", 1, 1, 0, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Istore2, "istore_2", 1, 1, 0, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Istore3, "istore_3", 1, 1, 0, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Lstore0, "lstore_0", 1, 2, 0, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Lstore1, "lstore_1", 1, 2, 0, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Lstore2, "lstore_2", 1, 2, 0, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Lstore3, "lstore_3", 1, 2, 0, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Fstore0, "fstore_0", 1, 1, 0, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Fstore1, "fstore_1", 1, 1, 0, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Fstore2, "fstore_2", 1, 1, 0, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Fstore3, "fstore_3", 1, 1, 0, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Dstore0, "dstore_0", 1, 2, 0, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Dstore1, "dstore_1", 1, 2, 0, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Dstore2, "dstore_2", 1, 2, 0, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Dstore3, "dstore_3", 1, 2, 0, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Astore0, "astore_0", 1, 1, 0, FallsThrough, None, implicitLocal: 0),
        new(Opcode.Astore1, "astore_1", 1, 1, 0, FallsThrough, None, implicitLocal: 1),
        new(Opcode.Astore2, "astore_2", 1, 1, 0, FallsThrough, None, implicitLocal: 2),
        new(Opcode.Astore3, "astore_3", 1, 1, 0, FallsThrough, None, implicitLocal: 3),
        new(Opcode.Iastore, "iastore", 1, 3, 0, FallsThrough, None),
        new(Opcode.Lastore, "lastore", 1, 4, 0, FallsThrough, None),
        new(Opcode.Fastore, "fastore", 1, 3, 0, FallsThrough, None),
        new(Opcode.Dastore, "dastore", 1, 4, 0, FallsThrough, None),
        new(Opcode.Aastore, "aastore", 1, 3, 0, FallsThrough, None),
        new(Opcode.Bastore, "bastore", 1, 3, 0, FallsThrough, None),
        new(Opcode.Castore, "castore", 1, 3, 0, FallsThrough, None),
        new(Opcode.Sastore, "sastore", 1, 3, 0, FallsThrough, None),

        // Stack (JVMS §6.5 pop … swap). In slots every form of a dup/pop instruction has the same effect:
        // dup2 copies two category-1 values or one category-2 value, four slots out either way.
        new(Opcode.Pop, "pop", 1, 1, 0, FallsThrough, None),
        new(Opcode.Pop2, "pop2", 1, 2, 0, FallsThrough, None),
        new(Opcode.Dup, "dup", 1, 1, 2, FallsThrough, None),
        new(Opcode.DupX1, "dup_x1", 1, 2, 3, FallsThrough, None),
        new(Opcode.DupX2, "dup_x2", 1, 3, 4, FallsThrough, None),
        new(Opcode.Dup2, "dup2", 1, 2, 4, FallsThrough, None),
        new(Opcode.Dup2X1, "dup2_x1", 1, 3, 5, FallsThrough, None),
        new(Opcode.Dup2X2, "dup2_x2", 1, 4, 6, FallsThrough, None),
        new(Opcode.Swap, "swap", 1, 2, 2, FallsThrough, None),

        // Math (JVMS §6.5 iadd … lxor, iinc). Long shifts take an int distance: 2 + 1 slots.
        new(Opcode.Iadd, "iadd", 1, 2, 1, FallsThrough, None),
        new(Opcode.Ladd, "ladd", 1, 4, 2, FallsThrough, None),
        new(Opcode.Fadd, "fadd", 1, 2, 1, FallsThrough, None),
        new(Opcode.Dadd, "dadd", 1, 4, 2, FallsThrough, None),
        new(Opcode.Isub, "isub", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lsub, "lsub", 1, 4, 2, FallsThrough, None),
        new(Opcode.Fsub, "fsub", 1, 2, 1, FallsThrough, None),
        new(Opcode.Dsub, "dsub", 1, 4, 2, FallsThrough, None),
        new(Opcode.Imul, "imul", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lmul, "lmul", 1, 4, 2, FallsThrough, None),
        new(Opcode.Fmul, "fmul", 1, 2, 1, FallsThrough, None),
        new(Opcode.Dmul, "dmul", 1, 4, 2, FallsThrough, None),
        new(Opcode.Idiv, "idiv", 1, 2, 1, FallsThrough, None),
        new(Opcode.Ldiv, "ldiv", 1, 4, 2, FallsThrough, None),
        new(Opcode.Fdiv, "fdiv", 1, 2, 1, FallsThrough, None),
        new(Opcode.Ddiv, "ddiv", 1, 4, 2, FallsThrough, None),
        new(Opcode.Irem, "irem", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lrem, "lrem", 1, 4, 2, FallsThrough, None),
        new(Opcode.Frem, "frem", 1, 2, 1, FallsThrough, None),
        new(Opcode.Drem, "drem", 1, 4, 2, FallsThrough, None),
        new(Opcode.Ineg, "ineg", 1, 1, 1, FallsThrough, None),
        new(Opcode.Lneg, "lneg", 1, 2, 2, FallsThrough, None),
        new(Opcode.Fneg, "fneg", 1, 1, 1, FallsThrough, None),
        new(Opcode.Dneg, "dneg", 1, 2, 2, FallsThrough, None),
        new(Opcode.Ishl, "ishl", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lshl, "lshl", 1, 3, 2, FallsThrough, None),
        new(Opcode.Ishr, "ishr", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lshr, "lshr", 1, 3, 2, FallsThrough, None),
        new(Opcode.Iushr, "iushr", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lushr, "lushr", 1, 3, 2, FallsThrough, None),
        new(Opcode.Iand, "iand", 1, 2, 1, FallsThrough, None),
        new(Opcode.Land, "land", 1, 4, 2, FallsThrough, None),
        new(Opcode.Ior, "ior", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lor, "lor", 1, 4, 2, FallsThrough, None),
        new(Opcode.Ixor, "ixor", 1, 2, 1, FallsThrough, None),
        new(Opcode.Lxor, "lxor", 1, 4, 2, FallsThrough, None),
        new(Opcode.Iinc, "iinc", 3, 0, 0, FallsThrough, Iinc, wideLength: 6),

        // Conversions (JVMS §6.5 i2l … i2s)
        new(Opcode.I2l, "i2l", 1, 1, 2, FallsThrough, None),
        new(Opcode.I2f, "i2f", 1, 1, 1, FallsThrough, None),
        new(Opcode.I2d, "i2d", 1, 1, 2, FallsThrough, None),
        new(Opcode.L2i, "l2i", 1, 2, 1, FallsThrough, None),
        new(Opcode.L2f, "l2f", 1, 2, 1, FallsThrough, None),
        new(Opcode.L2d, "l2d", 1, 2, 2, FallsThrough, None),
        new(Opcode.F2i, "f2i", 1, 1, 1, FallsThrough, None),
        new(Opcode.F2l, "f2l", 1, 1, 2, FallsThrough, None),
        new(Opcode.F2d, "f2d", 1, 1, 2, FallsThrough, None),
        new(Opcode.D2i, "d2i", 1, 2, 1, FallsThrough, None),
        new(Opcode.D2l, "d2l", 1, 2, 2, FallsThrough, None),
        new(Opcode.D2f, "d2f", 1, 2, 1, FallsThrough, None),
        new(Opcode.I2b, "i2b", 1, 1, 1, FallsThrough, None),
        new(Opcode.I2c, "i2c", 1, 1, 1, FallsThrough, None),
        new(Opcode.I2s, "i2s", 1, 1, 1, FallsThrough, None),

        // Comparisons (JVMS §6.5 lcmp … if_acmp<cond>)
        new(Opcode.Lcmp, "lcmp", 1, 4, 1, FallsThrough, None),
        new(Opcode.Fcmpl, "fcmpl", 1, 2, 1, FallsThrough, None),
        new(Opcode.Fcmpg, "fcmpg", 1, 2, 1, FallsThrough, None),
        new(Opcode.Dcmpl, "dcmpl", 1, 4, 1, FallsThrough, None),
        new(Opcode.Dcmpg, "dcmpg", 1, 4, 1, FallsThrough, None),
        new(Opcode.Ifeq, "ifeq", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.Ifne, "ifne", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.Iflt, "iflt", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.Ifge, "ifge", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.Ifgt, "ifgt", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.Ifle, "ifle", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfIcmpeq, "if_icmpeq", 3, 2, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfIcmpne, "if_icmpne", 3, 2, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfIcmplt, "if_icmplt", 3, 2, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfIcmpge, "if_icmpge", 3, 2, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfIcmpgt, "if_icmpgt", 3, 2, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfIcmple, "if_icmple", 3, 2, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfAcmpeq, "if_acmpeq", 3, 2, 0, ConditionalBranch, BranchS2),
        new(Opcode.IfAcmpne, "if_acmpne", 3, 2, 0, ConditionalBranch, BranchS2),

        // Control (JVMS §6.5 goto … return). jsr pushes a returnAddress; ret reads it from a local.
        new(Opcode.Goto, "goto", 3, 0, 0, UnconditionalBranch, BranchS2),
        new(Opcode.Jsr, "jsr", 3, 0, 1, Jsr, BranchS2),
        new(Opcode.Ret, "ret", 2, 0, 0, Ret, Local, wideLength: 4),
        new(Opcode.Tableswitch, "tableswitch", V, 1, 0, FlowKind.Switch, OperandKind.Switch),
        new(Opcode.Lookupswitch, "lookupswitch", V, 1, 0, FlowKind.Switch, OperandKind.Switch),
        new(Opcode.Ireturn, "ireturn", 1, 1, 0, Return, None),
        new(Opcode.Lreturn, "lreturn", 1, 2, 0, Return, None),
        new(Opcode.Freturn, "freturn", 1, 1, 0, Return, None),
        new(Opcode.Dreturn, "dreturn", 1, 2, 0, Return, None),
        new(Opcode.Areturn, "areturn", 1, 1, 0, Return, None),
        new(Opcode.Return, "return", 1, 0, 0, Return, None),

        // References (JVMS §6.5 getstatic … monitorexit). Field and invoke effects come from the descriptor.
        new(Opcode.Getstatic, "getstatic", 3, 0, D, FallsThrough, ConstantU2),
        new(Opcode.Putstatic, "putstatic", 3, D, 0, FallsThrough, ConstantU2),
        new(Opcode.Getfield, "getfield", 3, 1, D, FallsThrough, ConstantU2),
        new(Opcode.Putfield, "putfield", 3, D, 0, FallsThrough, ConstantU2),
        new(Opcode.Invokevirtual, "invokevirtual", 3, D, D, FallsThrough, ConstantU2),
        new(Opcode.Invokespecial, "invokespecial", 3, D, D, FallsThrough, ConstantU2),
        new(Opcode.Invokestatic, "invokestatic", 3, D, D, FallsThrough, ConstantU2),
        new(Opcode.Invokeinterface, "invokeinterface", 5, D, D, FallsThrough, InvokeInterface),
        new(Opcode.Invokedynamic, "invokedynamic", 5, D, D, FallsThrough, InvokeDynamic),
        new(Opcode.New, "new", 3, 0, 1, FallsThrough, ConstantU2),
        new(Opcode.Newarray, "newarray", 2, 1, 1, FallsThrough, NewArrayType),
        new(Opcode.Anewarray, "anewarray", 3, 1, 1, FallsThrough, ConstantU2),
        new(Opcode.Arraylength, "arraylength", 1, 1, 1, FallsThrough, None),
        new(Opcode.Athrow, "athrow", 1, 1, 0, Throw, None),
        new(Opcode.Checkcast, "checkcast", 3, 1, 1, FallsThrough, ConstantU2),
        new(Opcode.Instanceof, "instanceof", 3, 1, 1, FallsThrough, ConstantU2),
        new(Opcode.Monitorenter, "monitorenter", 1, 1, 0, FallsThrough, None),
        new(Opcode.Monitorexit, "monitorexit", 1, 1, 0, FallsThrough, None),

        // Extended (JVMS §6.5 wide … jsr_w). The cursor reports wide as the opcode it modifies.
        new(Opcode.Wide, "wide", V, D, D, FallsThrough, OperandKind.Wide),
        new(Opcode.Multianewarray, "multianewarray", 4, D, 1, FallsThrough, MultiANewArray),
        new(Opcode.Ifnull, "ifnull", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.Ifnonnull, "ifnonnull", 3, 1, 0, ConditionalBranch, BranchS2),
        new(Opcode.GotoW, "goto_w", 5, 0, 0, UnconditionalBranch, BranchS4),
        new(Opcode.JsrW, "jsr_w", 5, 0, 1, Jsr, BranchS4),
    ];

    // Indexed by the opcode byte, so every byte has a row and lookups need no range check.
    private static readonly OpcodeRow[] Table = BuildTable();

    private static OpcodeRow[] BuildTable()
    {
        var table = new OpcodeRow[256];
        for (int op = MaxOpcode + 1; op < table.Length; op++)
        {
            // JVMS §6.2 reserves these three; the rest are simply unassigned.
            string name = op switch { 0xCA => "breakpoint", 0xFE => "impdep1", 0xFF => "impdep2", _ => $"0x{op:X2}" };
            table[op] = new OpcodeRow((Opcode)op, name, OpcodeRow.UndefinedLength, 0, 0, FallsThrough, None);
        }
        foreach (var row in Defined)
        {
            if (table[(byte)row.Opcode].Mnemonic != null) throw new InvalidOperationException($"two rows for opcode 0x{(byte)row.Opcode:X2}");
            table[(byte)row.Opcode] = row;
        }
        for (int op = 0; op <= MaxOpcode; op++)
            if (table[op].Mnemonic == null) throw new InvalidOperationException($"no row for opcode 0x{op:X2}");
        return table;
    }

    /// <summary>The row of an opcode byte (defined or not).</summary>
    public static OpcodeRow Get(byte opcode) => Table[opcode];

    public static OpcodeRow Get(Opcode opcode) => Table[(byte)opcode];

    /// <summary>The row without copying it, for the cursor's per-instruction lookups.</summary>
    internal static ref readonly OpcodeRow Row(byte opcode) => ref Table[opcode];

    /// <summary>Fixed length of the instruction, 0 for variable-length ones, -1 for undefined opcodes.</summary>
    public static int FixedLength(byte opcode) => Table[opcode].Length;

    public static bool IsDefined(byte opcode) => Table[opcode].IsDefined;

    public static string Mnemonic(Opcode opcode) => Table[(byte)opcode].Mnemonic;
}
