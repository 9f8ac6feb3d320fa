using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

/// <summary>
/// Checks the test tool <see cref="ClassBuilder"/> against layouts worked out by hand from JVMS
/// chapter 4, so reader tests built on it rest on correct bytes.
/// </summary>
public class ClassBuilderSelfTests
{
    [Fact]
    public void Minimal_class_has_the_hand_computed_layout()
    {
        var bytes = ClassBuilder.Minimal("Min").ToArray();

        Assert.Equal(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }, bytes[..4]);
        Assert.Equal(0, U2(bytes, 4));    // minor
        Assert.Equal(52, U2(bytes, 6));   // major
        // Utf8 Min, Class, Utf8 java/lang/Object, Class, Utf8 <init>, Utf8 ()V, NameAndType, Methodref, Utf8 Code
        Assert.Equal(10, U2(bytes, 8));
        // pool = 6 + 3 + 19 + 3 + 9 + 6 + 5 + 5 + 7 = 63 bytes, so access_flags sits at 10 + 63.
        const int afterPool = 73;
        Assert.Equal(0x0021, U2(bytes, afterPool));
        Assert.Equal(2, U2(bytes, afterPool + 2));   // this_class -> Class "Min"
        Assert.Equal(4, U2(bytes, afterPool + 4));   // super_class -> Class java/lang/Object
        Assert.Equal(0, U2(bytes, afterPool + 6));   // interfaces
        Assert.Equal(0, U2(bytes, afterPool + 8));   // fields
        Assert.Equal(1, U2(bytes, afterPool + 10));  // methods
        // method_info 8 + Code attribute (6 + 2+2+4 + 5 code + 2 + 2) + class attributes_count 2
        Assert.Equal(afterPool + 12 + 8 + 23 + 2, bytes.Length);
        Assert.Equal(17u, U4(bytes, afterPool + 12 + 8 + 2));  // Code attribute_length
        Assert.Equal(new byte[] { 0x2A, 0xB7, 0x00, 0x08, 0xB1 }, bytes[(afterPool + 12 + 8 + 6 + 8)..][..5]);
    }

    [Fact]
    public void Absent_super_class_is_written_as_zero()
    {
        var builder = new ClassBuilder("java/lang/Object", superClass: null);
        var bytes = builder.ToArray();
        var afterPool = 10 + (3 + "java/lang/Object".Length) + 3;
        Assert.Equal(3, U2(bytes, 8));
        Assert.Equal(0, U2(bytes, afterPool + 4));
    }

    [Fact]
    public void Long_and_double_take_two_slots()
    {
        var pool = new ClassBuilder("A").Pool;   // #1 Utf8 A, #2 Class, #3 Utf8 java/lang/Object, #4 Class
        Assert.Equal(5, pool.Long(1));
        Assert.Equal(7, pool.Integer(1));
        Assert.Equal(8, pool.Double(1.0));
        Assert.Equal(10, pool.Utf8("next"));
        Assert.Equal(11, pool.Count);
    }

    [Fact]
    public void Long_entry_is_tag_then_big_endian_high_and_low_words()
    {
        var builder = new ClassBuilder("A");
        builder.Pool.Long(0x0102030405060708);
        var bytes = builder.ToArray();
        var entry = 10 + (3 + 1) + 3 + (3 + 16) + 3;
        Assert.Equal(7, U2(bytes, 8));
        Assert.Equal(new byte[] { 5, 1, 2, 3, 4, 5, 6, 7, 8 }, bytes[entry..(entry + 9)]);
    }

    [Theory]
    [InlineData("A", new byte[] { 0x41 })]
    [InlineData("\0", new byte[] { 0xC0, 0x80 })]
    [InlineData("\u00E9", new byte[] { 0xC3, 0xA9 })]
    [InlineData("\u20AC", new byte[] { 0xE2, 0x82, 0xAC })]
    // U+1F600 = surrogates D83D DE00, each written as 3 bytes (never the 4-byte UTF-8 F0 9F 98 80).
    [InlineData("\U0001F600", new byte[] { 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80 })]
    public void Utf8_uses_modified_utf8(string value, byte[] expected)
    {
        Assert.Equal(expected, ConstantPoolUtf8.Encode(value));
    }

    [Fact]
    public void Utf8_entry_carries_modified_utf8_with_length_prefix()
    {
        var builder = new ClassBuilder("A");
        builder.Pool.Utf8("a\0\U0001F600");
        var bytes = builder.ToArray();
        var entry = 10 + (3 + 1) + 3 + (3 + 16) + 3;
        Assert.Equal(
            new byte[] { 1, 0, 9, 0x61, 0xC0, 0x80, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80 },
            bytes[entry..(entry + 12)]);
    }

    [Fact]
    public void Equal_entries_are_shared_unless_a_duplicate_is_forced()
    {
        var pool = new ConstantPoolBuilder();
        var first = pool.Methodref("p/A", "m", "()V");
        Assert.Equal(first, pool.Methodref("p/A", "m", "()V"));

        var copy = pool.AddDuplicateOf(first);
        Assert.NotEqual(first, copy);
        Assert.Equal(ConstantPoolTag.Methodref, pool.TagAt(copy));

        pool.Deduplicate = false;
        Assert.NotEqual(pool.Utf8("m"), pool.Utf8("m"));
    }

    [Fact]
    public void PadTo_pushes_the_next_index_past_the_target()
    {
        var pool = new ConstantPoolBuilder();
        pool.Utf8("x");
        pool.PadTo(300);
        Assert.Equal(300, pool.Count);
        Assert.Equal(300, pool.String("late") - 1);   // its Utf8 takes 300, the String 301
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(3, 0)]
    [InlineData(4, 3)]
    public void TableSwitch_pads_to_a_multiple_of_four_from_code_start(int pc, int padding)
    {
        var code = new CodeBuilder();
        for (var i = 0; i < pc; i++)
            code.Op(CodeOpcodes.Nop);
        code.TableSwitch(100, 1, 2, 10, 20);
        var bytes = code.ToArray();

        Assert.Equal(CodeOpcodes.Tableswitch, bytes[pc]);
        var defaultAt = pc + 1 + padding;
        Assert.Equal(0, defaultAt % 4);
        Assert.All(bytes[(pc + 1)..defaultAt], b => Assert.Equal(0, b));
        Assert.Equal(100u, U4(bytes, defaultAt));
        Assert.Equal(1u, U4(bytes, defaultAt + 4));
        Assert.Equal(2u, U4(bytes, defaultAt + 8));
        Assert.Equal(20u, U4(bytes, defaultAt + 16));
        Assert.Equal(defaultAt + 20, bytes.Length);
    }

    [Fact]
    public void LookupSwitch_pads_and_writes_pairs_in_order()
    {
        var code = new CodeBuilder().Op(CodeOpcodes.Iconst0).LookupSwitch(-1, (5, 8), (1, 12));
        Assert.Equal(
            new byte[]
            {
                0x03, 0xAB, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2,
                0, 0, 0, 5, 0, 0, 0, 8, 0, 0, 0, 1, 0, 0, 0, 12,
            },
            code.ToArray());
    }

    [Fact]
    public void Wide_forms_use_two_byte_indices()
    {
        var code = new CodeBuilder().WideIinc(300, -1000).Wide(CodeOpcodes.Aload, 256);
        Assert.Equal(new byte[] { 0xC4, 0x84, 0x01, 0x2C, 0xFC, 0x18, 0xC4, 0x19, 0x01, 0x00 }, code.ToArray());
        Assert.Equal(10, code.Pc);
    }

    [Fact]
    public void Code_attribute_holds_exception_table_and_line_numbers()
    {
        var builder = new ClassBuilder("A");
        var code = new CodeBuilder().Op(CodeOpcodes.AconstNull).AThrow().Op(CodeOpcodes.Pop).Return();
        builder.Method(ClassAccess.Static, "m", "()V")
            .Code(1, 0, code, c => c.Handler(0, 2, 2, "java/lang/Throwable").LineNumberTable((0, 7), (2, 9)));
        var bytes = builder.ToArray();

        // Code info: 2+2+4 + 4 code + 2 + 8 handler + 2 + (6 + 2 + 8) LineNumberTable = 40;
        // it is the last thing before the class's attributes_count.
        var info = bytes.Length - 2 - 40;
        Assert.Equal(40u, U4(bytes, info - 4));
        Assert.Equal(4u, U4(bytes, info + 4));
        Assert.Equal(1, U2(bytes, info + 12));
        Assert.Equal(new[] { 0, 2, 2 }, new[] { U2(bytes, info + 14), U2(bytes, info + 16), U2(bytes, info + 18) });
        Assert.Equal(ConstantPoolTag.Class, builder.Pool.TagAt(U2(bytes, info + 20)));
        Assert.Equal(2, U2(bytes, info + 30));   // line_number_table_length
        Assert.Equal(9, U2(bytes, info + 38));
    }

    private static int U2(byte[] bytes, int offset) => (bytes[offset] << 8) | bytes[offset + 1];

    private static uint U4(byte[] bytes, int offset) => ((uint)U2(bytes, offset) << 16) | (uint)U2(bytes, offset + 2);
}
