using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

public class ConstantPoolTests
{
    /// <summary>
    /// Pool tables reused from a larger class must not show through: the smaller class has its own count,
    /// its unusable slot after a Long is unusable, and indices past its count are past the pool.
    /// </summary>
    [Fact]
    public void A_pool_parsed_into_reused_tables_shows_nothing_of_the_last_one()
    {
        var big = new ClassBuilder("p/Big");
        for (int i = 0; i < 200; i++) big.Pool.Integer(i);
        var small = new ClassBuilder("p/Small");
        int longIndex = small.Pool.Long(42);
        var buffers = new ClassParseBuffers();

        var first = JavaClass.Parse(big.ToArray(), buffers).ConstantPool;
        Assert.Equal(ConstantKind.Integer, first.KindAt(150));
        var second = JavaClass.Parse(small.ToArray(), buffers).ConstantPool;
        var alone = JavaClass.Parse(small.ToArray()).ConstantPool;

        Assert.Equal(alone.Count, second.Count);
        Assert.True(second.Count < 150);
        Assert.Equal(ConstantKind.None, second.KindAt(150));                 // the big class's Integer is still in the table
        Assert.Equal(0, second.OffsetOf(150));
        Assert.Equal(ConstantKind.None, second.KindAt(longIndex + 1));        // the slot after the Long
        Assert.Equal(42, second.GetLong(longIndex));
        var past = Assert.Throws<ClassFormatException>(() => second.GetInteger(150));
        Assert.Equal(Assert.Throws<ClassFormatException>(() => alone.GetInteger(150)).Message, past.Message);
        for (int i = 0; i < alone.Count; i++)
            Assert.Equal((alone.KindAt(i), alone.OffsetOf(i)), (second.KindAt(i), second.OffsetOf(i)));
    }

    [Fact]
    public void Every_constant_kind_is_read_with_its_value()
    {
        var cls = new ClassBuilder("p/K");
        var pool = cls.Pool;
        int integer = pool.Integer(-123456);
        int single = pool.Float(-2.5f);
        int longValue = pool.Long(long.MinValue + 7);
        int doubleValue = pool.Double(Math.PI);
        int str = pool.String("text");
        int field = pool.Fieldref("p/K", "f", "J");
        int method = pool.Methodref("p/K", "m", "()V");
        int itf = pool.InterfaceMethodref("p/I", "i", "(I)I");
        int nat = pool.NameAndType("n", "Ljava/lang/String;");
        int handle = pool.MethodHandle(5, method);
        int type = pool.MethodType("(J)V");
        int dynamic = pool.Dynamic(3, "d", "J");
        int indy = pool.InvokeDynamic(4, "run", "()Ljava/lang/Runnable;");
        int module = pool.Module("java.base");
        int package = pool.Package("p/q");
        var c = JavaClass.Parse(cls.ToArray()).ConstantPool;

        foreach (var kind in Enum.GetValues<ConstantKind>().Where(k => k != ConstantKind.None))
            Assert.True(c.Contains(kind), kind + " is in the pool");
        var plain = JavaClass.Parse(new ClassBuilder("p/Plain").ToArray()).ConstantPool;
        Assert.Equal([ConstantKind.Utf8, ConstantKind.Class], Enum.GetValues<ConstantKind>().Where(plain.Contains));

        Assert.Equal(ConstantKind.Integer, c.KindAt(integer));
        Assert.Equal(-123456, c.GetInteger(integer));
        Assert.Equal(-2.5f, c.GetFloat(single));
        Assert.Equal(long.MinValue + 7, c.GetLong(longValue));
        Assert.Equal(Math.PI, c.GetDouble(doubleValue));
        Assert.Equal("text", c.GetString(c.GetReferencedUtf8(str)));
        Assert.Equal("String \"text\"", c.Describe(str));

        var fieldRef = c.GetMemberRef(c.AsMemberRef(field));
        Assert.Equal(ConstantKind.Fieldref, fieldRef.Kind);
        Assert.Equal("p/K", c.GetClassNameString(fieldRef.Class));
        Assert.Equal("f", c.GetString(c.GetNameAndType(fieldRef.NameAndType).Name));
        Assert.Equal("J", c.GetString(c.GetNameAndType(fieldRef.NameAndType).Descriptor));
        Assert.Equal("Methodref p/K.m()V", c.Describe(method));
        Assert.Equal("InterfaceMethodref p/I.i(I)I", c.Describe(itf));
        Assert.Equal("Ljava/lang/String;", c.GetString(c.GetNameAndType(new NameAndTypeHandle(nat)).Descriptor));

        var mh = c.GetMethodHandle(handle);
        Assert.Equal(5, mh.ReferenceKind);
        Assert.Equal(method, mh.Reference.Index);
        Assert.Equal("(J)V", c.GetString(c.GetReferencedUtf8(type)));
        Assert.Equal(ConstantKind.MethodType, c.KindAt(type));
        Assert.Equal(3, c.GetDynamic(dynamic).BootstrapMethodIndex);
        Assert.Equal(ConstantKind.Dynamic, c.KindAt(dynamic));
        Assert.Equal(4, c.GetDynamic(indy).BootstrapMethodIndex);
        Assert.Equal("run", c.GetString(c.GetNameAndType(c.GetDynamic(indy).NameAndType).Name));
        Assert.Equal("java.base", c.GetString(c.GetReferencedUtf8(module)));
        Assert.Equal("p/q", c.GetString(c.GetReferencedUtf8(package)));
        Assert.Equal(ConstantKind.Module, c.KindAt(module));
        Assert.Equal(ConstantKind.Package, c.KindAt(package));
    }

    [Fact]
    public void Long_and_double_take_two_slots()
    {
        var cls = new ClassBuilder("p/W");
        int first = cls.Pool.Long(1);
        int second = cls.Pool.Double(2);
        int after = cls.Pool.Integer(3);
        var c = JavaClass.Parse(cls.ToArray()).ConstantPool;

        Assert.Equal(first + 2, second);
        Assert.Equal(second + 2, after);
        Assert.Equal(ConstantKind.None, c.KindAt(first + 1));
        Assert.Equal(ConstantKind.None, c.KindAt(second + 1));
        Assert.Equal(3, c.GetInteger(after));
        Assert.Equal(9, c.RawEntry(first).Length);
        var e = Assert.Throws<ClassFormatException>(() => c.GetInteger(first + 1));
        Assert.Equal(first + 1, e.ConstantIndex);
    }

    [Fact]
    public void A_long_in_the_last_slot_is_rejected()
    {
        var cls = new ClassBuilder("p/W");
        int index = cls.Pool.Long(1);
        cls.Pool.CountOverride = index + 1; // no room for the second slot
        var bytes = cls.ToArray();
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(bytes));
        Assert.Equal(index, e.ConstantIndex);
    }

    [Fact]
    public void Wrong_kind_access_names_the_index_and_offset()
    {
        var cls = new ClassBuilder("p/K");
        int integer = cls.Pool.Integer(1);
        var c = JavaClass.Parse(cls.ToArray()).ConstantPool;

        var e = Assert.Throws<ClassFormatException>(() => c.GetLong(integer));
        Assert.Equal(integer, e.ConstantIndex);
        Assert.Equal(c.OffsetOf(integer), e.Offset);
        Assert.Contains("#" + integer, e.Message);
        Assert.Throws<ClassFormatException>(() => c.AsUtf8(integer));
        Assert.Throws<ClassFormatException>(() => c.AsClass(0));
        Assert.Throws<ClassFormatException>(() => c.AsMemberRef(60000));
        Assert.Throws<ClassFormatException>(() => c.GetMemberRef(new MemberRefHandle(60000)));
        Assert.Throws<ClassFormatException>(() => c.GetMemberRef(new MemberRefHandle(-1)));
        Assert.Throws<ClassFormatException>(() => c.GetDynamic(integer));
        Assert.Throws<ClassFormatException>(() => c.GetReferencedUtf8(integer));
        Assert.Equal(ConstantKind.None, c.KindAt(-5));
        Assert.Equal(ConstantKind.None, c.KindAt(c.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(21)]
    [InlineData(255)]
    public void Bad_tags_are_rejected_at_the_tag_byte(byte tag)
    {
        var cls = new ClassBuilder("p/T");
        int index = cls.Pool.Raw(tag, 0, 1);
        var bytes = cls.ToArray();
        int offset = OffsetOfEntry(bytes, index);
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(bytes));
        Assert.Equal(offset, e.Offset);
        Assert.Equal(index, e.ConstantIndex);
        Assert.Equal(tag, bytes[e.Offset]);
    }

    public static TheoryData<string> BadReferences() => ["class->integer", "class->past", "string->class", "field->utf8", "nat->zero", "methodref->nat-as-class", "mh-kind-0", "mh-kind-10", "mh-getfield->method", "mh-invokeinterface->methodref", "indy->utf8"];

    [Theory]
    [MemberData(nameof(BadReferences))]
    public void Out_of_range_and_wrong_kind_references_name_offset_and_index(string shape)
    {
        var cls = new ClassBuilder("p/R");
        var pool = cls.Pool;
        pool.Deduplicate = false;
        int integer = pool.Integer(5);
        int utf8 = pool.Utf8("x");
        int clazz = pool.Class("p/X");
        int nat = pool.NameAndType("n", "()V");
        int method = pool.Methodref("p/X", "n", "()V");
        int bad = shape switch
        {
            "class->integer" => pool.Raw(7, U2(integer)),
            "class->past" => pool.Raw(7, U2(999)),
            "string->class" => pool.Raw(8, U2(clazz)),
            "field->utf8" => pool.Raw(9, [.. U2(utf8), .. U2(nat)]),
            "nat->zero" => pool.Raw(12, [.. U2(0), .. U2(utf8)]),
            "methodref->nat-as-class" => pool.Raw(10, [.. U2(nat), .. U2(nat)]),
            "mh-kind-0" => pool.Raw(15, [0, .. U2(method)]),
            "mh-kind-10" => pool.Raw(15, [10, .. U2(method)]),
            "mh-getfield->method" => pool.Raw(15, [1, .. U2(method)]),
            "mh-invokeinterface->methodref" => pool.Raw(15, [9, .. U2(method)]),
            "indy->utf8" => pool.Raw(18, [.. U2(0), .. U2(utf8)]),
            _ => throw new ArgumentException(shape),
        };
        var bytes = cls.ToArray();
        int entry = OffsetOfEntry(bytes, bad);
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(bytes));
        Assert.Equal(bad, e.ConstantIndex);
        Assert.InRange(e.Offset, entry + 1, entry + 4); // the operand, not the entry start
        Assert.Contains($"constant #{bad}", e.Message);
        Assert.Contains($"offset {e.Offset}", e.Message);
    }

    [Fact]
    public void Member_indices_outside_the_pool_are_rejected()
    {
        var cls = new ClassBuilder("p/M");
        var method = cls.Method(1, "m", "()V");
        method.DescriptorIndex = 500;
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(cls.ToArray()));
        Assert.Equal(500, e.ConstantIndex);

        var cls2 = new ClassBuilder("p/M");
        cls2.ThisClassIndex = cls2.Pool.Utf8("p/M");
        var e2 = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(cls2.ToArray()));
        Assert.Equal(cls2.ThisClassIndex, e2.ConstantIndex);

        var cls3 = new ClassBuilder("p/M");
        cls3.InterfaceIndex(cls3.Pool.Integer(4));
        Assert.Throws<ClassFormatException>(() => JavaClass.Parse(cls3.ToArray()));

        var cls4 = new ClassBuilder("p/M");
        cls4.Attributes.RawNameIndex(cls4.ThisClassIndex, []);
        Assert.Throws<ClassFormatException>(() => JavaClass.Parse(cls4.ToArray()));
    }

    [Fact]
    public void Count_zero_and_trailing_bytes_are_rejected()
    {
        var cls = new ClassBuilder("p/Z");
        cls.Pool.CountOverride = 0;
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(cls.ToArray()));
        Assert.Equal(8, e.Offset);

        var bytes = new ClassBuilder("p/Z").ToArray();
        var longer = bytes.Concat(new byte[] { 0 }).ToArray();
        var e2 = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(longer));
        Assert.Equal(bytes.Length, e2.Offset);
    }

    [Fact]
    public void Names_compare_as_bytes()
    {
        var cls = JavaClass.Parse(new ClassBuilder("com/acme/Foo").ToArray());
        Assert.True(cls.NameEquals("com/acme/Foo"u8));
        Assert.False(cls.NameEquals("com/acme/Fo"u8));
        Assert.True(cls.ConstantPool.ClassNameEquals(cls.SuperClass, "java/lang/Object"u8));
        Assert.Equal("com/acme/Foo", cls.Name);
    }

    internal static byte[] U2(int value) => [(byte)(value >> 8), (byte)value];

    /// <summary>Offset of the tag byte of pool entry <paramref name="index"/>, computed independently of the reader.</summary>
    internal static int OffsetOfEntry(byte[] bytes, int index)
    {
        int p = 10;
        for (int i = 1; i < index; i++)
        {
            byte tag = bytes[p];
            int size = tag switch
            {
                1 => 3 + ((bytes[p + 1] << 8) | bytes[p + 2]),
                7 or 8 or 16 or 19 or 20 => 3,
                15 => 4,
                5 or 6 => 9,
                3 or 4 or 9 or 10 or 11 or 12 or 17 or 18 => 5,
                _ => 3, // Raw entries in these tests have two payload bytes
            };
            p += size;
            if (tag is 5 or 6) i++;
        }
        return p;
    }
}
