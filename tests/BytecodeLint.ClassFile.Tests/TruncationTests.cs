using System.Buffers.Binary;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

/// <summary>
/// Cuts classes short everywhere: the whole file at every offset, and every attribute's payload at
/// every length with the enclosing lengths fixed up so the class still parses and the damage is
/// only found when the attribute is decoded. Only <see cref="ClassFormatException"/> may escape.
/// </summary>
public class TruncationTests
{
    public static TheoryData<string> Classes() => ["minimal", "rich", "oracle"];

    private static byte[] Load(string name) => name switch
    {
        "minimal" => ClassBuilder.Minimal("p/M").ToArray(),
        "rich" => TestClasses.Rich(),
        _ => TestClasses.CatchThrowable(),
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public void Every_prefix_fails_with_an_offset_inside_the_prefix(string name)
    {
        var bytes = Load(name);
        FullWalk.Walk(JavaClass.Parse(bytes)); // the whole class is valid
        for (int length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsMemory(0, length);
            var e = Assert.Throws<ClassFormatException>(() => FullWalk.Walk(JavaClass.Parse(prefix)));
            Assert.InRange(e.Offset, 0, length);
        }
    }

    private readonly record struct Frame(int Offset, int Length, int Parent);

    /// <summary>Every attribute (class, field, method and Code-nested) with the offset of its enclosing Code attribute, or -1.</summary>
    private static List<Frame> Attributes(JavaClass cls)
    {
        var result = new List<Frame>();
        void Add(AttributeCollection attributes, int parent)
        {
            foreach (var attribute in attributes)
            {
                result.Add(new Frame(attribute.Offset, attribute.Length, parent));
                if (attribute.Kind == AttributeKind.Code) Add(CodeAttribute.Read(attribute).Attributes, attribute.Offset);
            }
        }
        Add(cls.Attributes, -1);
        foreach (var field in cls.Fields) Add(field.Attributes, -1);
        foreach (var method in cls.Methods) Add(method.Attributes, -1);
        return result;
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Every_attribute_cut_at_every_length_fails_only_with_ClassFormatException(string name)
    {
        var bytes = Load(name);
        var attributes = Attributes(JavaClass.Parse(bytes));
        Assert.NotEmpty(attributes);
        int failures = 0, variants = 0;
        foreach (var attribute in attributes)
        {
            for (int keep = 0; keep < attribute.Length; keep++)
            {
                int removed = attribute.Length - keep;
                int cutAt = attribute.Offset + 6 + keep;
                var cut = new byte[bytes.Length - removed];
                bytes.AsSpan(0, cutAt).CopyTo(cut);
                bytes.AsSpan(cutAt + removed).CopyTo(cut.AsSpan(cutAt));
                BinaryPrimitives.WriteInt32BigEndian(cut.AsSpan(attribute.Offset + 2), keep);
                if (attribute.Parent >= 0)
                {
                    int parentLength = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(attribute.Parent + 2));
                    BinaryPrimitives.WriteInt32BigEndian(cut.AsSpan(attribute.Parent + 2), parentLength - removed);
                }
                variants++;
                try
                {
                    FullWalk.Walk(JavaClass.Parse(cut));
                }
                catch (ClassFormatException e)
                {
                    Assert.True(e.Offset >= 0 && e.Offset <= cut.Length, $"offset {e.Offset} outside {cut.Length} bytes (keep {keep} of attribute at {attribute.Offset}): {e.Message}");
                    failures++;
                }
            }
        }
        // Most cuts must be noticed; a few (e.g. an unknown attribute's raw bytes) are legitimately fine.
        Assert.True(failures > variants / 2, $"{failures} of {variants} cut attributes were rejected");
    }

    /// <summary>A fixed-size constant cut short names its kind and the offset where its payload starts (the text is built only on failure).</summary>
    [Theory]
    [InlineData("Integer")]
    [InlineData("Long")]
    public void A_fixed_size_constant_cut_short_is_named_at_its_payload(string kind)
    {
        var cls = new ClassBuilder("p/T");
        int index = kind == "Integer" ? cls.Pool.Integer(7) : cls.Pool.Long(7);
        var bytes = cls.ToArray();
        int entry = ConstantPoolTests.OffsetOfEntry(bytes, index);

        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(bytes.AsMemory(0, entry + 3)));

        Assert.Equal(entry + 1, e.Offset);
        Assert.Contains(kind + " constant", e.Message);
    }
}
