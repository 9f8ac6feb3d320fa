using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

public class VersionAndHeaderTests
{
    public static TheoryData<int> SupportedMajors() => [.. Enumerable.Range(45, 25)];

    [Theory]
    [MemberData(nameof(SupportedMajors))]
    public void Versions_45_to_69_are_accepted(int major)
    {
        var builder = ClassBuilder.Minimal("p/V");
        builder.MajorVersion = major;
        builder.MinorVersion = major == 45 ? 3 : 0;
        var cls = JavaClass.Parse(builder.ToArray());
        Assert.Equal(major, cls.MajorVersion);
        Assert.Equal(major == 45 ? 3 : 0, cls.MinorVersion);
    }

    [Theory]
    [InlineData(44)]
    [InlineData(70)]
    [InlineData(0)]
    [InlineData(65535)]
    public void Versions_outside_45_to_69_are_rejected_at_offset_6(int major)
    {
        var builder = ClassBuilder.Minimal("p/V");
        builder.MajorVersion = major;
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(builder.ToArray()));
        Assert.Equal(6, e.Offset);
        Assert.Contains(major.ToString(), e.Message);
    }

    [Fact]
    public void Bad_magic_is_rejected_at_offset_0()
    {
        var builder = ClassBuilder.Minimal("p/V");
        builder.Magic = 0xCAFEBABF;
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(builder.ToArray()));
        Assert.Equal(0, e.Offset);
        Assert.Contains("CAFEBABF", e.Message);
    }

    [Fact]
    public void Header_fields_are_read()
    {
        var builder = new ClassBuilder("p/H", superClass: null) { AccessFlags = 0x0601 };
        builder.Interface("p/I1").Interface("p/I2");
        var cls = JavaClass.Parse(builder.ToArray());
        Assert.True(cls.SuperClass.IsNil);
        Assert.Equal(2, cls.InterfaceCount);
        Assert.Equal("p/I2", cls.ConstantPool.GetClassNameString(cls.GetInterface(1)));
        Assert.Equal(0x0601, (int)cls.AccessFlags);
        Assert.Null(cls.SourceFile);
        Assert.Equal(0, cls.MethodCount);
    }

    [Fact]
    public void Empty_and_tiny_inputs_are_format_errors()
    {
        foreach (var bytes in new[] { Array.Empty<byte>(), new byte[] { 0xCA }, new byte[] { 0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0 } })
        {
            var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(bytes));
            Assert.InRange(e.Offset, 0, bytes.Length);
        }
    }
}
