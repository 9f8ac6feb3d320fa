using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

public class InstructionCursorTests
{
    private readonly record struct Insn(int Pc, int Length, Opcode Opcode, bool Wide, int Local);

    private static List<Insn> Decode(byte[] code)
    {
        var result = new List<Insn>();
        var cursor = new InstructionCursor(code);
        while (cursor.MoveNext()) result.Add(new Insn(cursor.Offset, cursor.Length, cursor.Opcode, cursor.IsWide, cursor.LocalIndex));
        return result;
    }

    [Fact]
    public void Wide_loads_stores_iinc_and_ret_are_decoded()
    {
        var code = new CodeBuilder()
            .Wide(CodeOpcodes.Iload, 0x1234)
            .Wide(CodeOpcodes.Lstore, 0x0102)
            .Wide(CodeOpcodes.Aload, 7)
            .Wide(CodeOpcodes.Ret, 0xFFFF)
            .WideIinc(300, -1000)
            .Iinc(5, -3)
            .Return().ToArray();
        var insns = Decode(code);

        Assert.Equal(
            [new Insn(0, 4, Opcode.Iload, true, 0x1234), new Insn(4, 4, Opcode.Lstore, true, 0x0102), new Insn(8, 4, Opcode.Aload, true, 7),
             new Insn(12, 4, Opcode.Ret, true, 0xFFFF), new Insn(16, 6, Opcode.Iinc, true, 300), new Insn(22, 3, Opcode.Iinc, false, 5),
             new Insn(25, 1, Opcode.Return, false, -1)],
            insns);

        var cursor = new InstructionCursor(code);
        for (int i = 0; i < 5; i++) cursor.MoveNext();
        Assert.Equal(-1000, cursor.IincConstant);
        cursor.MoveNext();
        Assert.Equal(-3, cursor.IincConstant);
    }

    [Theory]
    [InlineData(CodeOpcodes.Nop)]
    [InlineData(CodeOpcodes.Ldc)]
    [InlineData(CodeOpcodes.Wide)]
    [InlineData(CodeOpcodes.Goto)]
    [InlineData(CodeOpcodes.Iload0)]
    public void Wide_before_anything_else_is_rejected_at_the_modified_byte(byte target)
    {
        var code = new CodeBuilder().Op(CodeOpcodes.Nop).Op(CodeOpcodes.Wide).Op(target).U2(1).Return().ToArray();
        var e = Assert.Throws<ClassFormatException>(() => Decode(code));
        Assert.Equal(100 + 2, CodeError(code, 100).Offset);
        Assert.Contains("wide", e.Message);
    }

    [Fact]
    public void Wide_cut_off_is_rejected()
    {
        Assert.Throws<ClassFormatException>(() => Decode([CodeOpcodes.Wide]));
        Assert.Throws<ClassFormatException>(() => Decode([CodeOpcodes.Wide, CodeOpcodes.Iinc, 0, 1, 0]));
        Assert.Throws<ClassFormatException>(() => Decode([CodeOpcodes.Wide, CodeOpcodes.Iload, 0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Tableswitch_padding_is_relative_to_the_code_start(int pc)
    {
        var builder = new CodeBuilder();
        for (int i = 0; i < pc; i++) builder.Op(CodeOpcodes.Nop);
        builder.TableSwitch(100, -1, 1, 10, 20, 30).Return();
        var code = builder.ToArray();
        int padding = (3 - pc) & 3;
        int length = 1 + padding + 12 + 3 * 4;
        Assert.Equal(pc + length + 1, code.Length); // independent: the builder pads the same way

        var cursor = new InstructionCursor(code);
        for (int i = 0; i <= pc; i++) Assert.True(cursor.MoveNext());
        Assert.Equal(Opcode.Tableswitch, cursor.Opcode);
        Assert.Equal(pc, cursor.Offset);
        Assert.Equal(length, cursor.Length);
        Assert.Equal(pc + 100, cursor.SwitchDefaultTarget);
        Assert.Equal(3, cursor.SwitchCaseCount);
        Assert.Equal((-1, pc + 10), cursor.GetSwitchCase(0));
        Assert.Equal((0, pc + 20), cursor.GetSwitchCase(1));
        Assert.Equal((1, pc + 30), cursor.GetSwitchCase(2));
        Assert.True(cursor.MoveNext());
        Assert.Equal(Opcode.Return, cursor.Opcode);
        Assert.False(cursor.MoveNext());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Lookupswitch_padding_is_relative_to_the_code_start(int pc)
    {
        var builder = new CodeBuilder();
        for (int i = 0; i < pc; i++) builder.Op(CodeOpcodes.Nop);
        builder.LookupSwitch(-4, (int.MinValue, 8), (0x12121212, 12)).Return();
        var code = builder.ToArray();
        int length = 1 + ((3 - pc) & 3) + 8 + 2 * 8;

        var cursor = new InstructionCursor(code);
        for (int i = 0; i <= pc; i++) Assert.True(cursor.MoveNext());
        Assert.Equal(Opcode.Lookupswitch, cursor.Opcode);
        Assert.Equal(length, cursor.Length);
        Assert.Equal(pc - 4, cursor.SwitchDefaultTarget);
        Assert.Equal(2, cursor.SwitchCaseCount);
        Assert.Equal((int.MinValue, pc + 8), cursor.GetSwitchCase(0));
        Assert.Equal((0x12121212, pc + 12), cursor.GetSwitchCase(1));
        Assert.True(cursor.MoveNext());
        Assert.Equal(Opcode.Return, cursor.Opcode);
    }

    [Fact]
    public void Switches_with_bad_bounds_or_running_past_the_code_are_rejected()
    {
        Assert.Throws<ClassFormatException>(() => Decode(new CodeBuilder().TableSwitch(0, 5, 4).ToArray()));          // high < low
        Assert.Throws<ClassFormatException>(() => Decode(new CodeBuilder().TableSwitch(0, 0, 2, 1, 1).ToArray()));    // 2 of 3 offsets
        Assert.Throws<ClassFormatException>(() => Decode(new CodeBuilder().TableSwitch(0, int.MinValue, int.MaxValue).ToArray()));
        Assert.Throws<ClassFormatException>(() => Decode(new CodeBuilder().Op(CodeOpcodes.Lookupswitch).Bytes(0, 0, 0).S4(0).S4(-1).ToArray()));
        Assert.Throws<ClassFormatException>(() => Decode(new CodeBuilder().Op(CodeOpcodes.Lookupswitch).Bytes(0, 0, 0).S4(0).S4(int.MaxValue).ToArray()));
        Assert.Throws<ClassFormatException>(() => Decode([CodeOpcodes.Tableswitch, 0, 0]));
    }

    [Fact]
    public void Operand_bytes_are_never_opcodes()
    {
        // bipush 0x12, sipush 0x1212, ldc, goto_w with 0x12 bytes, iinc 0x12 0x12
        var code = new CodeBuilder().U1(CodeOpcodes.Bipush).U1(0x12).U1(CodeOpcodes.Sipush).U2(0x1212).Ldc(0x12)
            .Iinc(0x12, 0x12).GotoW(0x12121212).Return().ToArray();
        var ops = Decode(code).Select(i => i.Opcode).ToArray();
        Assert.Equal([Opcode.Bipush, Opcode.Sipush, Opcode.Ldc, Opcode.Iinc, Opcode.GotoW, Opcode.Return], ops);

        var cursor = new InstructionCursor(code);
        cursor.MoveNext();
        Assert.Equal(0x12, cursor.PushValue);
        cursor.MoveNext();
        Assert.Equal(0x1212, cursor.PushValue);
        cursor.MoveNext();
        Assert.Equal(0x12, cursor.ConstantIndex);
        cursor.MoveNext();
        cursor.MoveNext();
        Assert.True(cursor.IsBranch);
        Assert.Equal(10 + 0x12121212, cursor.BranchTarget); // bipush 2 + sipush 3 + ldc 2 + iinc 3
    }

    [Theory]
    [InlineData(0xCA)]
    [InlineData(0xFE)]
    [InlineData(0xFF)]
    [InlineData(0xE0)]
    public void Undefined_opcodes_are_rejected_with_their_offset(byte opcode)
    {
        var code = new byte[] { CodeOpcodes.Nop, CodeOpcodes.Nop, opcode };
        var e = CodeError(code, 40);
        Assert.Equal(42, e.Offset);
        Assert.Contains($"{opcode:X2}", e.Message);
    }

    [Fact]
    public void Every_defined_opcode_cut_short_is_rejected()
    {
        for (int op = 0; op <= OpcodeInfo.MaxOpcode; op++)
        {
            int length = OpcodeInfo.FixedLength((byte)op);
            if (length <= 1) continue;
            var code = new byte[length - 1];
            code[0] = (byte)op;
            Assert.Throws<ClassFormatException>(() => Decode(code));
            var full = new byte[length];
            full[0] = (byte)op;
            Assert.Single(Decode(full));
        }
    }

    [Fact]
    public void Branch_targets_are_absolute()
    {
        var code = new CodeBuilder().Op(CodeOpcodes.Nop).Goto(-1).Branch(CodeOpcodes.Ifnull, 3).Return().ToArray();
        var cursor = new InstructionCursor(code);
        cursor.MoveNext();
        Assert.False(cursor.IsBranch);
        cursor.MoveNext();
        Assert.Equal(0, cursor.BranchTarget);
        cursor.MoveNext();
        Assert.Equal(7, cursor.BranchTarget);
    }

    private static ClassFormatException CodeError(byte[] code, int codeOffset)
    {
        try
        {
            var cursor = new InstructionCursor(code, codeOffset);
            while (cursor.MoveNext()) { }
        }
        catch (ClassFormatException e)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException("no ClassFormatException");
    }
}
