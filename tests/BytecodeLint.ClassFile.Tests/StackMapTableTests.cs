using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

public class StackMapTableTests
{
    /// <summary>A method with 100 nops and the given StackMapTable info; returns the class and the table.</summary>
    private static (JavaClass Class, StackMapTable Table, int ObjectIndex) Build(Func<int, byte[]> info)
    {
        var cls = new ClassBuilder("p/S");
        int objectIndex = cls.Pool.Class("java/lang/String");
        var code = new CodeBuilder();
        for (int i = 0; i < 99; i++) code.Op(CodeOpcodes.Nop);
        code.Return();
        cls.Method(9, "m", "()V").Code(4, 4, code, c => c.StackMapTable(info(objectIndex)));
        var javaClass = JavaClass.Parse(cls.ToArray());
        var table = javaClass.GetMethod(0).GetCode()!.Value.GetStackMapTable()!.Value;
        return (javaClass, table, objectIndex);
    }

    [Fact]
    public void Every_frame_kind_is_decoded_with_absolute_pcs()
    {
        var (_, table, obj) = Build(o =>
        [
            0, 9,
            5,                                   // same, delta 5 -> pc 5
            64 + 3, 1,                           // same_locals_1_stack_item, delta 3 -> pc 9, stack [int]
            247, 0, 10, 7, (byte)(o >> 8), (byte)o,   // ..._extended, delta 10 -> pc 20, stack [String]
            248, 0, 0,                           // chop 3, delta 0 -> pc 21
            250, 0, 1,                           // chop 1 -> pc 23
            251, 0, 2,                           // same_extended -> pc 26
            252, 0, 3, 4,                        // append [long] -> pc 30
            254, 0, 4, 3, 2, 8, 0, 5,            // append [double, float, uninitialized(5)] -> pc 35
            255, 0, 63, 0, 3, 6, 5, 0, 0, 2, 1, 7, (byte)(o >> 8), (byte)o, // full: locals [uninitThis, null, top], stack [int, String] -> pc 99
        ]);
        var frames = table.DecodeFrames();
        Assert.Equal(9, table.FrameCount);
        Assert.Equal([5, 9, 20, 21, 23, 26, 30, 35, 99], frames.Select(f => f.Pc));
        Assert.Equal(
            [StackMapFrameKind.Same, StackMapFrameKind.SameLocals1StackItem, StackMapFrameKind.SameLocals1StackItemExtended, StackMapFrameKind.Chop,
             StackMapFrameKind.Chop, StackMapFrameKind.SameExtended, StackMapFrameKind.Append, StackMapFrameKind.Append, StackMapFrameKind.Full],
            frames.Select(f => f.Kind));
        Assert.Equal([5, 3, 10, 0, 1, 2, 3, 4, 63], frames.Select(f => f.OffsetDelta));
        Assert.Equal(new VerificationType(VerificationTypeTag.Integer, 0), Assert.Single(frames[1].Stack));
        Assert.Equal(new VerificationType(VerificationTypeTag.Object, obj), Assert.Single(frames[2].Stack));
        Assert.Equal(3, frames[3].ChoppedLocals);
        Assert.Equal(1, frames[4].ChoppedLocals);
        Assert.Equal([new VerificationType(VerificationTypeTag.Long, 0)], frames[6].Locals);
        Assert.Equal(
            [new VerificationType(VerificationTypeTag.Double, 0), new VerificationType(VerificationTypeTag.Float, 0), new VerificationType(VerificationTypeTag.Uninitialized, 5)],
            frames[7].Locals);
        Assert.Equal([VerificationTypeTag.UninitializedThis, VerificationTypeTag.Null, VerificationTypeTag.Top], frames[8].Locals.Select(t => t.Tag));
        Assert.Equal([VerificationTypeTag.Integer, VerificationTypeTag.Object], frames[8].Stack.Select(t => t.Tag));
        Assert.Equal(255, frames[8].FrameType);
        Assert.Equal(table.Attribute.DataOffset + 2, frames[0].Offset);
    }

    public static TheoryData<string, byte[]> Malformed() => new()
    {
        { "reserved type 128", [0, 1, 128] },
        { "reserved type 246", [0, 1, 246] },
        { "bad verification tag", [0, 1, 64, 9] },
        { "object of an Integer... index 0", [0, 1, 64, 7, 0, 0] },
        { "uninitialized past the code", [0, 1, 64, 8, 0, 100] },
        { "pc past the code", [0, 2, 63, 251, 0, 40] },
        { "frame count beyond the data", [0, 2, 5] },
        { "trailing bytes", [0, 1, 5, 0] },
        { "full frame with a huge local count", [0, 1, 255, 0, 0, 0xFF, 0xFF, 1] },
        { "append cut off", [0, 1, 253, 0, 0, 1] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_tables_fail_with_an_offset_inside_the_attribute(string shape, byte[] info)
    {
        var (_, table, _) = Build(_ => info);
        var e = Assert.Throws<ClassFormatException>(() => table.DecodeFrames());
        Assert.InRange(e.Offset, table.Attribute.DataOffset, table.Attribute.DataOffset + table.Length);
        Assert.False(string.IsNullOrEmpty(shape));
    }

    [Fact]
    public void Length_is_the_attribute_length_without_decoding()
    {
        var info = new byte[40000];
        info[0] = 0xFF; // 65535 frames claimed; Length must not care
        info[1] = 0xFF;
        var (_, table, _) = Build(_ => info);
        Assert.Equal(40000, table.Length);
        Assert.Throws<ClassFormatException>(() => table.DecodeFrames());
    }
}
