using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>Found by the fuzzer: a code operand pointing past the pool must be a format error, not an index exception.</summary>
public class DanglingOperandTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    public void Ldc_of_an_unusable_index_is_a_class_format_error_with_offset(int index)
    {
        var builder = new ClassBuilder("p/Dangling").Version(0, 61);
        builder.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V")
            .Code(1, 0, new CodeBuilder().LdcW(index).Op(CodeOpcodes.Pop).Return());
        var bytes = builder.ToArray();
        var parsed = JavaClass.Parse(bytes); // the reader itself does not check code operands
        var e = Assert.Throws<ClassFormatException>(() => HotSpotModel.Merge(parsed, parsed, JdkProfile.Any));
        Assert.Equal(index, e.ConstantIndex);
        Assert.InRange(e.Offset, 0, bytes.Length - 1);
        Assert.Contains("ldc_w", e.Message);
    }
}
