using System.Reflection;
using System.Runtime.CompilerServices;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

/// <summary>The product opcode table against the independent JVMS listing and hand-checked JVMS §6.5 facts.</summary>
public class OpcodeTableTests
{
    [Fact]
    public void Every_defined_opcode_matches_the_JVMS_listing()
    {
        Assert.Equal(OpcodeInfo.MaxOpcode + 1, CodeOpcodeListing.All.Count);
        Assert.Equal(Enumerable.Range(0, OpcodeInfo.MaxOpcode + 1), CodeOpcodeListing.All.Select(e => (int)e.Value).Order());
        foreach (var entry in CodeOpcodeListing.All)
        {
            var row = OpcodeInfo.Get(entry.Value);
            Assert.True(row.IsDefined, entry.Mnemonic);
            Assert.Equal((Opcode)entry.Value, row.Opcode);
            Assert.Equal(entry.Mnemonic, row.Mnemonic);
            Assert.Equal(entry.Mnemonic, OpcodeInfo.Mnemonic((Opcode)entry.Value));
            Assert.Equal(entry.OperandBytes is { } operands ? operands + 1 : OpcodeRow.VariableLength, row.Length);
            Assert.Equal(row.Length, OpcodeInfo.FixedLength(entry.Value));
        }
    }

    [Fact]
    public void Bytes_past_jsr_w_are_undefined()
    {
        for (int op = OpcodeInfo.MaxOpcode + 1; op <= 0xFF; op++)
        {
            var row = OpcodeInfo.Get((byte)op);
            Assert.False(row.IsDefined);
            Assert.False(OpcodeInfo.IsDefined((byte)op));
            Assert.Equal(OpcodeRow.UndefinedLength, row.Length);
            Assert.False(OpcodeInfo.TryGetStackEffect((Opcode)op, "", 0, out _, out _));
        }
        Assert.Equal("breakpoint", OpcodeInfo.Get(CodeOpcodes.Breakpoint).Mnemonic);
        Assert.Equal("impdep2", OpcodeInfo.Get(CodeOpcodes.Impdep2).Mnemonic);
        Assert.Equal("0xCB", OpcodeInfo.Get(0xCB).Mnemonic);
    }

    [Fact]
    public void Enum_names_and_values_match_the_test_opcode_constants()
    {
        var reserved = new[] { nameof(CodeOpcodes.Breakpoint), nameof(CodeOpcodes.Impdep1), nameof(CodeOpcodes.Impdep2) };
        var constants = typeof(CodeOpcodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !reserved.Contains(f.Name))
            .ToDictionary(f => f.Name, f => (byte)f.GetRawConstantValue()!);
        Assert.Equal(constants.Keys.Order(), Enum.GetNames<Opcode>().Order());
        foreach (var (name, value) in constants) Assert.Equal(value, (byte)Enum.Parse<Opcode>(name));
    }

    [Theory]
    [InlineData(CodeOpcodes.Nop, 0, 0)]
    [InlineData(CodeOpcodes.Iconst5, 0, 1)]
    [InlineData(CodeOpcodes.Lconst1, 0, 2)]
    [InlineData(CodeOpcodes.Dconst0, 0, 2)]
    [InlineData(CodeOpcodes.Ldc, 0, 1)]
    [InlineData(CodeOpcodes.LdcW, 0, 1)]
    [InlineData(CodeOpcodes.Ldc2W, 0, 2)]
    [InlineData(CodeOpcodes.Lload, 0, 2)]
    [InlineData(CodeOpcodes.Dload3, 0, 2)]
    [InlineData(CodeOpcodes.Aload0, 0, 1)]
    [InlineData(CodeOpcodes.Laload, 2, 2)]
    [InlineData(CodeOpcodes.Aaload, 2, 1)]
    [InlineData(CodeOpcodes.Dstore, 2, 0)]
    [InlineData(CodeOpcodes.Lstore2, 2, 0)]
    [InlineData(CodeOpcodes.Fstore1, 1, 0)]
    [InlineData(CodeOpcodes.Lastore, 4, 0)]
    [InlineData(CodeOpcodes.Aastore, 3, 0)]
    [InlineData(CodeOpcodes.Pop2, 2, 0)]
    [InlineData(CodeOpcodes.DupX2, 3, 4)]
    [InlineData(CodeOpcodes.Dup2, 2, 4)]
    [InlineData(CodeOpcodes.Dup2X1, 3, 5)]
    [InlineData(CodeOpcodes.Dup2X2, 4, 6)]
    [InlineData(CodeOpcodes.Swap, 2, 2)]
    [InlineData(CodeOpcodes.Ladd, 4, 2)]
    [InlineData(CodeOpcodes.Dmul, 4, 2)]
    [InlineData(CodeOpcodes.Lshl, 3, 2)]
    [InlineData(CodeOpcodes.Iushr, 2, 1)]
    [InlineData(CodeOpcodes.Lneg, 2, 2)]
    [InlineData(CodeOpcodes.Iinc, 0, 0)]
    [InlineData(CodeOpcodes.I2l, 1, 2)]
    [InlineData(CodeOpcodes.L2i, 2, 1)]
    [InlineData(CodeOpcodes.D2l, 2, 2)]
    [InlineData(CodeOpcodes.F2d, 1, 2)]
    [InlineData(CodeOpcodes.Lcmp, 4, 1)]
    [InlineData(CodeOpcodes.Dcmpg, 4, 1)]
    [InlineData(CodeOpcodes.Fcmpl, 2, 1)]
    [InlineData(CodeOpcodes.Ifeq, 1, 0)]
    [InlineData(CodeOpcodes.IfAcmpne, 2, 0)]
    [InlineData(CodeOpcodes.Jsr, 0, 1)]
    [InlineData(CodeOpcodes.JsrW, 0, 1)]
    [InlineData(CodeOpcodes.Ret, 0, 0)]
    [InlineData(CodeOpcodes.Lookupswitch, 1, 0)]
    [InlineData(CodeOpcodes.Lreturn, 2, 0)]
    [InlineData(CodeOpcodes.Return, 0, 0)]
    [InlineData(CodeOpcodes.New, 0, 1)]
    [InlineData(CodeOpcodes.Newarray, 1, 1)]
    [InlineData(CodeOpcodes.Athrow, 1, 0)]
    [InlineData(CodeOpcodes.Checkcast, 1, 1)]
    [InlineData(CodeOpcodes.Monitorexit, 1, 0)]
    [InlineData(CodeOpcodes.Ifnonnull, 1, 0)]
    public void Fixed_stack_effects_count_slots(byte opcode, int pops, int pushes)
    {
        var row = OpcodeInfo.Get(opcode);
        Assert.True(row.HasFixedStackEffect);
        Assert.Equal((pops, pushes), (row.Pops, row.Pushes));
        Assert.True(OpcodeInfo.TryGetStackEffect((Opcode)opcode, "(J)J", 7, out int p, out int q)); // operands ignored
        Assert.Equal((pops, pushes), (p, q));
    }

    [Fact]
    public void Only_field_invoke_multianewarray_and_wide_depend_on_the_operand()
    {
        var dependent = Enum.GetValues<Opcode>().Where(op => !OpcodeInfo.Get(op).HasFixedStackEffect).Order();
        Assert.Equal(
            [Opcode.Getstatic, Opcode.Putstatic, Opcode.Getfield, Opcode.Putfield, Opcode.Invokevirtual, Opcode.Invokespecial,
             Opcode.Invokestatic, Opcode.Invokeinterface, Opcode.Invokedynamic, Opcode.Wide, Opcode.Multianewarray],
            dependent);
    }

    [Theory]
    [InlineData(CodeOpcodes.Getstatic, "J", 0, 2)]
    [InlineData(CodeOpcodes.Getstatic, "Ljava/lang/String;", 0, 1)]
    [InlineData(CodeOpcodes.Getfield, "D", 1, 2)]
    [InlineData(CodeOpcodes.Getfield, "[J", 1, 1)]
    [InlineData(CodeOpcodes.Putstatic, "Z", 1, 0)]
    [InlineData(CodeOpcodes.Putstatic, "J", 2, 0)]
    [InlineData(CodeOpcodes.Putfield, "D", 3, 0)]
    [InlineData(CodeOpcodes.Putfield, "[[Ljava/lang/Object;", 2, 0)]
    [InlineData(CodeOpcodes.Invokevirtual, "(IJ)D", 4, 2)]
    [InlineData(CodeOpcodes.Invokespecial, "()V", 1, 0)]
    [InlineData(CodeOpcodes.Invokestatic, "(IJ)D", 3, 2)]
    [InlineData(CodeOpcodes.Invokestatic, "()V", 0, 0)]
    [InlineData(CodeOpcodes.Invokeinterface, "(Ljava/lang/Object;[DJ)Ljava/util/List;", 5, 1)]
    [InlineData(CodeOpcodes.Invokedynamic, "(Ljava/lang/String;D)J", 3, 2)]
    public void Descriptor_dependent_stack_effects_count_slots(byte opcode, string descriptor, int pops, int pushes)
    {
        Assert.True(OpcodeInfo.TryGetStackEffect((Opcode)opcode, descriptor, 0, out int p, out int q));
        Assert.Equal((pops, pushes), (p, q));
    }

    [Theory]
    [InlineData(CodeOpcodes.Getfield, "")]
    [InlineData(CodeOpcodes.Getfield, "V")]
    [InlineData(CodeOpcodes.Getfield, "JJ")]
    [InlineData(CodeOpcodes.Putstatic, "Ljava/lang/String")]
    [InlineData(CodeOpcodes.Putfield, "L;")]
    [InlineData(CodeOpcodes.Getstatic, "[")]
    [InlineData(CodeOpcodes.Getstatic, "(I)V")]
    [InlineData(CodeOpcodes.Invokevirtual, "I")]
    [InlineData(CodeOpcodes.Invokevirtual, "(I")]
    [InlineData(CodeOpcodes.Invokestatic, "(I)")]
    [InlineData(CodeOpcodes.Invokestatic, "(Q)V")]
    [InlineData(CodeOpcodes.Invokestatic, "(V)V")]
    [InlineData(CodeOpcodes.Invokeinterface, "(I)VV")]
    [InlineData(CodeOpcodes.Invokedynamic, "(I)[V")]
    [InlineData(CodeOpcodes.Wide, "(I)V")]
    public void Malformed_descriptors_give_no_stack_effect(byte opcode, string descriptor)
    {
        Assert.False(OpcodeInfo.TryGetStackEffect((Opcode)opcode, descriptor, 1, out int pops, out int pushes));
        Assert.Equal((OpcodeRow.DependsOnOperand, OpcodeRow.DependsOnOperand), (pops, pushes));
    }

    [Theory]
    [InlineData(CodeOpcodes.Nop, FlowKind.FallsThrough)]
    [InlineData(CodeOpcodes.Invokestatic, FlowKind.FallsThrough)]
    [InlineData(CodeOpcodes.Idiv, FlowKind.FallsThrough)]
    [InlineData(CodeOpcodes.Goto, FlowKind.UnconditionalBranch)]
    [InlineData(CodeOpcodes.GotoW, FlowKind.UnconditionalBranch)]
    [InlineData(CodeOpcodes.Ifle, FlowKind.ConditionalBranch)]
    [InlineData(CodeOpcodes.IfAcmpeq, FlowKind.ConditionalBranch)]
    [InlineData(CodeOpcodes.Ifnull, FlowKind.ConditionalBranch)]
    [InlineData(CodeOpcodes.Tableswitch, FlowKind.Switch)]
    [InlineData(CodeOpcodes.Lookupswitch, FlowKind.Switch)]
    [InlineData(CodeOpcodes.Areturn, FlowKind.Return)]
    [InlineData(CodeOpcodes.Return, FlowKind.Return)]
    [InlineData(CodeOpcodes.Athrow, FlowKind.Throw)]
    [InlineData(CodeOpcodes.Jsr, FlowKind.Jsr)]
    [InlineData(CodeOpcodes.JsrW, FlowKind.Jsr)]
    [InlineData(CodeOpcodes.Ret, FlowKind.Ret)]
    public void Flow_kinds_follow_JVMS(byte opcode, FlowKind flow) => Assert.Equal(flow, OpcodeInfo.Get(opcode).Flow);

    [Fact]
    public void Flow_and_operand_columns_agree()
    {
        foreach (var op in Enum.GetValues<Opcode>())
        {
            var row = OpcodeInfo.Get(op);
            bool branchOperand = row.Operands is OperandKind.BranchS2 or OperandKind.BranchS4;
            bool branchFlow = row.Flow is FlowKind.UnconditionalBranch or FlowKind.ConditionalBranch or FlowKind.Jsr;
            Assert.True(branchOperand == branchFlow, row.Mnemonic);
            Assert.True(row.Operands == OperandKind.Switch == (row.Flow == FlowKind.Switch), row.Mnemonic);
            Assert.True(row.Flow == FlowKind.Return == row.Mnemonic.EndsWith("return", StringComparison.Ordinal), row.Mnemonic);
            Assert.True(row.Length == OpcodeRow.VariableLength == (op is Opcode.Tableswitch or Opcode.Lookupswitch or Opcode.Wide), row.Mnemonic);
        }
    }

    [Fact]
    public void Wide_applies_to_loads_stores_iinc_and_ret_only()
    {
        // JVMS §6.5 wide, format 1: <opcode> is iload, fload, aload, lload, dload, istore, …, ret; format 2: iinc.
        string[] format1 = ["iload", "fload", "aload", "lload", "dload", "istore", "fstore", "astore", "lstore", "dstore", "ret"];
        foreach (var op in Enum.GetValues<Opcode>())
        {
            var row = OpcodeInfo.Get(op);
            int expected = format1.Contains(row.Mnemonic) ? 4 : op == Opcode.Iinc ? 6 : 0;
            Assert.True(expected == row.WideLength, row.Mnemonic);
        }
    }

    [Fact]
    public void Implicit_locals_are_the_digit_in_the_mnemonic()
    {
        foreach (var op in Enum.GetValues<Opcode>())
        {
            var row = OpcodeInfo.Get(op);
            bool named = row.Mnemonic.Length > 2 && row.Mnemonic[^2] == '_' && char.IsDigit(row.Mnemonic[^1])
                && (row.Mnemonic.Contains("load", StringComparison.Ordinal) || row.Mnemonic.Contains("store", StringComparison.Ordinal));
            Assert.True((named ? row.Mnemonic[^1] - '0' : -1) == row.ImplicitLocal, row.Mnemonic);
        }
    }

    [Fact]
    public void Rows_stay_small_enough_for_a_cache_friendly_table() => Assert.True(Unsafe.SizeOf<OpcodeRow>() <= 16);

    [Fact]
    public void The_cursor_exposes_the_row_and_the_stack_effect()
    {
        var code = new CodeBuilder().Op(CodeOpcodes.Lconst0).Op(CodeOpcodes.Multianewarray).U2(1).U1(3)
            .Op(CodeOpcodes.Invokestatic).U2(2).Wide(CodeOpcodes.Lload, 300).Op(CodeOpcodes.Athrow).ToArray();
        var cursor = new InstructionCursor(code);

        Assert.True(cursor.MoveNext());
        Assert.Equal("lconst_0", cursor.Info.Mnemonic);
        Assert.True(cursor.TryGetStackEffect(default, out int pops, out int pushes));
        Assert.Equal((0, 2), (pops, pushes));

        Assert.True(cursor.MoveNext());
        Assert.True(cursor.TryGetStackEffect(default, out pops, out pushes));
        Assert.Equal((3, 1), (pops, pushes)); // the dimensions byte, not a descriptor

        Assert.True(cursor.MoveNext());
        Assert.False(cursor.TryGetStackEffect(default, out _, out _)); // needs the descriptor
        Assert.True(cursor.TryGetStackEffect("(JLjava/lang/Object;)I", out pops, out pushes));
        Assert.Equal((3, 1), (pops, pushes));

        Assert.True(cursor.MoveNext());
        Assert.True(cursor.IsWide);
        Assert.Equal(OperandKind.Local, cursor.Info.Operands); // the row of the modified opcode
        Assert.True(cursor.TryGetStackEffect(default, out pops, out pushes));
        Assert.Equal((0, 2), (pops, pushes));

        Assert.True(cursor.MoveNext());
        Assert.Equal(FlowKind.Throw, cursor.Info.Flow);
    }
}
