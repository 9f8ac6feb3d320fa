using BytecodeLint.Analysis.Inventory;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Inventory;

public class ClassInventoryTests
{
    private static InventoryCounts CountOne(byte[] bytes, bool versioned = false, List<ThrowableHandlerDetail>? details = null)
    {
        var counts = new InventoryCounts();
        new ClassInventory().Count(JavaClass.Parse(bytes), versioned, counts, "x.jar!/p/C.class", details);
        return counts;
    }

    [Fact]
    public void Ldc_opcodes_are_counted_but_operand_bytes_that_look_like_0x12_are_not()
    {
        var cls = new ClassBuilder("p/C");
        var pool = cls.Pool;
        pool.PadTo(0x13);
        int str = pool.String("s");       // index ≥ 0x13
        int wideStr = pool.String("w");
        int longValue = pool.Long(0x1212121212121212);
        var code = new CodeBuilder()
            .U1(CodeOpcodes.Bipush).U1(0x12)                    // operand 0x12
            .U1(CodeOpcodes.Sipush).U2(0x1213)                  // operands 0x12 0x13
            .Ldc(str).Op(CodeOpcodes.Pop)
            .LdcW(wideStr).Op(CodeOpcodes.Pop)
            .Ldc2W(longValue).Op(CodeOpcodes.Pop2)
            .Wide(CodeOpcodes.Iload, 0x1214)                    // wide operands
            .WideIinc(0x1212, 0x1313)
            .Iinc(0x12, 0x13)
            .TableSwitch(0x12121212, 0x12, 0x13, 0x14131212, 0x12131414) // padding + jump table full of 0x12..0x14
            .LookupSwitch(0x13121212, (0x14141414, 0x12121213))
            .Return();
        cls.Method(9, "m", "()V").Code(4, 0x1300, code);
        var counts = CountOne(cls.ToArray());
        Assert.Equal((1, 1, 1), (counts.Ldc, counts.LdcW, counts.Ldc2W));
        Assert.Equal(1, counts.Methods);
        Assert.Equal(1, counts.MethodsWithCode);
    }

    [Fact]
    public void Class_level_counts_methods_versions_pools_and_stack_maps()
    {
        var cls = new ClassBuilder("p/C") { MajorVersion = 55 };
        cls.Pool.PadTo(300);
        cls.Method(0x0401, "abstractOne", "()V");                      // no Code
        var nops = new CodeBuilder();
        for (int i = 0; i < 30000; i++) nops.Op(CodeOpcodes.Nop);
        nops.Return();
        // Two methods with a StackMapTable each: 20000 and 16384 bytes (only the first is over 16K).
        cls.Method(9, "big", "()V").Code(0, 0, nops, c => c.StackMapTable(SameFrames(19998)));
        cls.Method(9, "edge", "()V").Code(0, 0, nops, c => c.StackMapTable(SameFrames(16382)));
        var counts = CountOne(cls.ToArray(), versioned: true);

        Assert.Equal(1, counts.Classes);
        Assert.Equal(1, counts.VersionedClasses);
        Assert.Equal((55, 55), (counts.MinMajor, counts.MaxMajor));
        Assert.Equal(3, counts.Methods);
        Assert.Equal(2, counts.MethodsWithCode);
        Assert.Equal(1, counts.ConstantPoolsOver256);
        Assert.Equal(1, counts.StackMapTablesOver16K);
        Assert.Equal(20000, counts.MaxStackMapTableLength);
    }

    [Fact]
    public void Pool_count_256_is_not_over_256()
    {
        var cls = new ClassBuilder("p/C");
        cls.Pool.PadTo(256);
        Assert.Equal(256, cls.Pool.Count);
        Assert.Equal(0, CountOne(cls.ToArray()).ConstantPoolsOver256);
        cls.Pool.Utf8("one more");
        Assert.Equal(1, CountOne(cls.ToArray()).ConstantPoolsOver256);
    }

    /// <summary>StackMapTable info of <paramref name="n"/> same_frame(delta 0) entries: 2 + n bytes.</summary>
    private static byte[] SameFrames(int n)
    {
        var info = new byte[2 + n];
        info[0] = (byte)(Math.Min(n, 65535) >> 8);
        info[1] = (byte)Math.Min(n, 65535);
        return info;
    }

    [Fact]
    public void ClassWriter_sites_distinguish_new_from_delegation()
    {
        var cls = new ClassBuilder("p/MyWriter", "org/objectweb/asm/ClassWriter");
        var pool = cls.Pool;
        int cw = pool.Class("org/objectweb/asm/ClassWriter");
        int cwInt = pool.Methodref("org/objectweb/asm/ClassWriter", "<init>", "(I)V");
        int cwReader = pool.Methodref("org/objectweb/asm/ClassWriter", "<init>", "(Lorg/objectweb/asm/ClassReader;I)V");
        int other = pool.Class("p/Other");
        int otherInit = pool.Methodref("p/Other", "<init>", "()V");
        int myInit = pool.Methodref("p/MyWriter", "<init>", "(I)V");
        int cwDuplicate = pool.AddDuplicateOf(cw);             // same name, another Class entry

        // constructor: super(flags) — delegation, not a `new`
        cls.Method(1, "<init>", "(I)V").Code(2, 2, new CodeBuilder().Op(CodeOpcodes.Aload0).Op(CodeOpcodes.Iload1).InvokeSpecial(cwInt).Return());
        // constructor: this(0) — delegation to own class, not counted
        cls.Method(1, "<init>", "()V").Code(2, 1, new CodeBuilder().Op(CodeOpcodes.Aload0).Op(CodeOpcodes.Iconst0).InvokeSpecial(myInit).Return());
        // new ClassWriter(0); new ClassWriter(new Other()...reader, 0) with a nested new in between
        var body = new CodeBuilder()
            .New(cw).Op(CodeOpcodes.Dup).Op(CodeOpcodes.Iconst0).InvokeSpecial(cwInt).Op(CodeOpcodes.Pop)
            .New(cwDuplicate).Op(CodeOpcodes.Dup).New(other).Op(CodeOpcodes.Dup).InvokeSpecial(otherInit).Op(CodeOpcodes.Pop)
                .Op(CodeOpcodes.AconstNull).Op(CodeOpcodes.Iconst0).InvokeSpecial(cwReader).Op(CodeOpcodes.Pop)
            // a pending `new Other` whose <init> is not called before a ClassWriter <init>: not from new
            .New(other).Op(CodeOpcodes.Aload0).Op(CodeOpcodes.Iconst0).InvokeSpecial(cwInt)
            .Return();
        cls.Method(9, "make", "()V").Code(6, 1, body);
        var counts = CountOne(cls.ToArray());

        Assert.Equal(3, counts.ClassWriterIntSites);      // super(..), new .., under pending Other
        Assert.Equal(1, counts.ClassWriterNewIntSites);
        Assert.Equal(1, counts.ClassWriterReaderSites);
        Assert.Equal(1, counts.ClassWriterNewReaderSites);
        Assert.Equal((1, 1, 1, 1), (counts.ClassWriterIntClasses, counts.ClassWriterReaderClasses, counts.ClassWriterNewIntClasses, counts.ClassWriterNewReaderClasses));
    }

    [Theory]
    [InlineData("org/objectweb/asm/ClassWriter", "(I)V", "int")]
    [InlineData("ClassWriter", "(I)V", "int")]
    [InlineData("shaded/net/bytebuddy/jar/asm/ClassWriter", "(Lshaded/net/bytebuddy/jar/asm/ClassReader;I)V", "reader")]
    [InlineData("org/objectweb/asm/ClassWriter", "(LClassReader;I)V", "reader")]
    [InlineData("org/objectweb/asm/MyClassWriter", "(I)V", "none")]
    [InlineData("org/objectweb/asm/ClassWriterX", "(I)V", "none")]
    [InlineData("org/objectweb/asm/ClassWriter", "(II)V", "none")]
    [InlineData("org/objectweb/asm/ClassWriter", "(Lp/MyClassReader;I)V", "none")]
    [InlineData("org/objectweb/asm/ClassWriter", "(Lp/ClassReader;Lq/ClassReader;I)V", "none")]
    [InlineData("org/objectweb/asm/ClassWriter", "(Lorg/objectweb/asm/ClassReader;J)V", "none")]
    [InlineData("org/objectweb/asm/ClassWriter", "()V", "none")]
    public void ClassWriter_owner_and_descriptor_matching(string owner, string descriptor, string expected)
    {
        var cls = new ClassBuilder("p/C");
        int init = cls.Pool.Methodref(owner, "<init>", descriptor);
        cls.Method(9, "m", "()V").Code(4, 1, new CodeBuilder().New(cls.Pool.Class(owner)).Op(CodeOpcodes.Dup).InvokeSpecial(init).Return());
        var counts = CountOne(cls.ToArray());
        Assert.Equal(expected == "int" ? 1 : 0, counts.ClassWriterNewIntSites);
        Assert.Equal(expected == "reader" ? 1 : 0, counts.ClassWriterNewReaderSites);
        Assert.Equal(counts.ClassWriterNewIntSites, counts.ClassWriterIntSites);
        Assert.Equal(counts.ClassWriterNewReaderSites, counts.ClassWriterReaderSites);
    }

    [Fact]
    public void Non_init_invokespecial_on_ClassWriter_is_not_a_site()
    {
        var cls = new ClassBuilder("p/C");
        int m = cls.Pool.Methodref("org/objectweb/asm/ClassWriter", "helper", "(I)V");
        cls.Method(9, "m", "()V").Code(4, 1, new CodeBuilder().Op(CodeOpcodes.AconstNull).Op(CodeOpcodes.Iconst0).InvokeSpecial(m).Return());
        Assert.Equal(0, CountOne(cls.ToArray()).ClassWriterIntSites);
    }

    /// <summary>
    /// 20 nops then return at pc 20; one Throwable handler at <paramref name="handlerPc"/>; the given
    /// line-number entries. Returns the line the details report and checks the hash term agrees.
    /// </summary>
    private static int HandlerLine(int handlerPc, params (int Pc, int Line)[] lines)
    {
        var cls = new ClassBuilder("p/H");
        var code = new CodeBuilder();
        for (int i = 0; i < 10; i++) code.Op(CodeOpcodes.Nop);
        code.U1(CodeOpcodes.Sipush).U2(0).Op(CodeOpcodes.Pop); // pc 10..12, then 13 pop; pc 11 and 12 are operand bytes
        for (int i = 14; i < 20; i++) code.Op(CodeOpcodes.Nop);
        code.Return();
        cls.Method(9, "run", "()V").Code(1, 0, code, c => c.Handler(0, 5, handlerPc, "java/lang/Throwable").LineNumberTable(lines));
        var details = new List<ThrowableHandlerDetail>();
        var counts = CountOne(cls.ToArray(), details: details);
        var detail = Assert.Single(details);
        Assert.Equal(new ThrowableHandlerDetail("x.jar!/p/C.class", "p/H", "run", "()V", 0, handlerPc, detail.Line), detail);
        Assert.Equal((1, 1), (counts.ThrowableHandlers, counts.ThrowableHandlerMethods));
        bool atInstruction = handlerPc is not (11 or 12);
        Assert.Equal(HandlerLineHash.Of("p/H", "run", "()V", 0, atInstruction ? detail.Line : null), counts.ThrowableHandlerLineHash);
        return detail.Line;
    }

    [Fact]
    public void Handler_line_is_the_entry_with_the_greatest_start_pc_not_after_the_handler()
    {
        Assert.Equal(-1, HandlerLine(8));                                   // no table
        Assert.Equal(-1, HandlerLine(8, (9, 5)));                           // only later entries
        Assert.Equal(7, HandlerLine(8, (0, 3), (8, 7), (4, 5), (9, 99)));    // table order is not pc order
        Assert.Equal(5, HandlerLine(8, (0, 3), (4, 5)));                    // in effect since pc 4
    }

    [Fact]
    public void Among_equal_start_pcs_the_last_wins_but_leading_zero_lines_are_ignored()
    {
        Assert.Equal(9, HandlerLine(8, (8, 7), (8, 9)));
        Assert.Equal(7, HandlerLine(8, (8, 0), (8, 7)));                    // leading 0 ignored
        Assert.Equal(0, HandlerLine(8, (8, 7), (8, 0)));                    // a later 0 is the last entry
        Assert.Equal(3, HandlerLine(8, (2, 3), (8, 0)));                    // only zeros at pc 8: earlier line stays
        Assert.Equal(-1, HandlerLine(8, (8, 0), (8, 0)));
        Assert.Equal(65535, HandlerLine(8, (8, 65535)));
    }

    [Fact]
    public void Line_entries_and_handlers_inside_an_instruction_are_not_visited()
    {
        Assert.Equal(4, HandlerLine(13, (4, 4), (11, 11)));                 // entry at operand pc 11 ignored
        Assert.Equal(-1, HandlerLine(12, (4, 4)));                          // handler inside sipush: no line ("unvisited" in the hash)
    }

    [Fact]
    public void Catch_any_and_other_types_are_not_Throwable_handlers()
    {
        var cls = new ClassBuilder("p/H");
        var code = new CodeBuilder().Op(CodeOpcodes.Nop).Op(CodeOpcodes.Nop).Return();
        cls.Method(9, "a", "()V").Code(1, 0, code, c => c
            .Handler(0, 1, 2, 0)
            .Handler(0, 1, 2, "java/lang/Exception")
            .Handler(0, 1, 2, "java/lang/ThrowableX")
            .Handler(0, 1, 2, "java/lang/Throwable")
            .Handler(0, 2, 2, "java/lang/Throwable"));
        cls.Method(9, "b", "()V").Code(1, 0, code, c => c.Handler(0, 1, 2, "java/lang/Throwable"));
        cls.Method(9, "c", "()V").Code(1, 0, code, c => c.Handler(0, 1, 2, "java/lang/Error"));
        var details = new List<ThrowableHandlerDetail>();
        var counts = CountOne(cls.ToArray(), details: details);
        Assert.Equal(3, counts.ThrowableHandlers);
        Assert.Equal(2, counts.ThrowableHandlerMethods);
        Assert.Equal([("a", 3), ("a", 4), ("b", 0)], details.Select(d => (d.Method, d.HandlerIndex)));
        ulong expected = 0;
        unchecked
        {
            expected += HandlerLineHash.Of("p/H", "a", "()V", 3, -1);
            expected += HandlerLineHash.Of("p/H", "a", "()V", 4, -1);
            expected += HandlerLineHash.Of("p/H", "b", "()V", 0, -1);
        }
        Assert.Equal(expected, counts.ThrowableHandlerLineHash);
    }

    [Fact]
    public void Fnv1a_matches_published_test_vectors_and_Java_utf8()
    {
        Assert.Equal(0xcbf29ce484222325UL, HandlerLineHash.Fnv1a64JavaUtf8(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, HandlerLineHash.Fnv1a64JavaUtf8("a"));
        Assert.Equal(0x85944171f73967e8UL, HandlerLineHash.Fnv1a64JavaUtf8("foobar"));
        // é is C3 A9 in UTF-8; a lone surrogate is '?' in Java's encoder.
        Assert.Equal(Fnv([0xC3, 0xA9]), HandlerLineHash.Fnv1a64JavaUtf8("é"));
        Assert.Equal(Fnv([0x3F]), HandlerLineHash.Fnv1a64JavaUtf8("\uD800"));
        Assert.Equal(Fnv([0xF0, 0x9F, 0x98, 0x80]), HandlerLineHash.Fnv1a64JavaUtf8("😀"));
        Assert.Equal(HandlerLineHash.Fnv1a64JavaUtf8("p/C.m()V#2:-1"), HandlerLineHash.Of("p/C", "m", "()V", 2, -1));
        Assert.Equal(HandlerLineHash.Fnv1a64JavaUtf8("p/C.m()V#0:unvisited"), HandlerLineHash.Of("p/C", "m", "()V", 0, null));
    }

    private static ulong Fnv(byte[] bytes)
    {
        ulong h = 0xcbf29ce484222325UL;
        foreach (var b in bytes) { h ^= b; h *= 0x100000001b3UL; }
        return h;
    }

    [Fact]
    public void A_malformed_class_adds_nothing()
    {
        var cls = new ClassBuilder("p/Bad");
        int utf8 = cls.Pool.Utf8("not loadable");
        cls.Method(9, "ok", "()V").Code(1, 0, new CodeBuilder().Return(), c => c.Handler(0, 1, 0, "java/lang/Throwable"));
        cls.Method(9, "bad", "()V").Code(1, 0, new CodeBuilder().LdcW(utf8).Return());
        var counts = new InventoryCounts();
        var details = new List<ThrowableHandlerDetail>();
        var e = Assert.Throws<ClassFormatException>(() => new ClassInventory().Count(JavaClass.Parse(cls.ToArray()), false, counts, "", details));
        Assert.Equal(utf8, e.ConstantIndex);
        Assert.Equal(0, counts.Classes);
        Assert.Equal(0, counts.Methods);
        Assert.Equal(0, counts.ThrowableHandlers);
        Assert.Equal(0, counts.MinMajor);
        Assert.Empty(details);
    }

    [Theory]
    [InlineData("line pc past code")]
    [InlineData("local range past code")]
    [InlineData("new of a Utf8")]
    [InlineData("invokespecial of a Fieldref")]
    [InlineData("getfield of a Methodref")]
    public void Walk_checks_like_asm_reject_the_class(string shape)
    {
        var cls = new ClassBuilder("p/Bad");
        var pool = cls.Pool;
        byte[] twoNops = [CodeOpcodes.Nop, CodeOpcodes.Return];
        var method = cls.Method(9, "m", "()V");
        switch (shape)
        {
            case "line pc past code": method.Code(0, 0, twoNops, c => c.LineNumberTable((2, 1), (3, 1))); break;
            case "local range past code": method.Code(0, 1, twoNops, c => c.LocalVariableTable((1, 2, "x", "I", 0))); break;
            case "new of a Utf8": method.Code(1, 0, new CodeBuilder().New(pool.Utf8("p/X")).Return()); break;
            case "invokespecial of a Fieldref": method.Code(1, 0, new CodeBuilder().InvokeSpecial(pool.Fieldref("p/X", "f", "I")).Return()); break;
            case "getfield of a Methodref": method.Code(1, 0, new CodeBuilder().GetField(pool.Methodref("p/X", "f", "()I")).Return()); break;
        }
        var javaClass = JavaClass.Parse(cls.ToArray());
        Assert.Throws<ClassFormatException>(() => new ClassInventory().Count(javaClass, false, new InventoryCounts()));
    }

    [Fact]
    public void Line_pc_equal_to_code_length_is_accepted()
    {
        var cls = new ClassBuilder("p/Ok");
        cls.Method(9, "m", "()V").Code(0, 1, [CodeOpcodes.Nop, CodeOpcodes.Return], c => c.LineNumberTable((2, 1)).LocalVariableTable((0, 2, "x", "I", 0)));
        Assert.Equal(1, CountOne(cls.ToArray()).Classes);
    }

    [Fact]
    public void Merging_is_order_independent()
    {
        var a = CountOne(ClassBuilder.Minimal("p/A").ToArray());
        var bBuilder = ClassBuilder.Minimal("p/B");
        bBuilder.MajorVersion = 61;
        var b = CountOne(bBuilder.ToArray());
        var ab = new InventoryCounts();
        ab.Add(a);
        ab.Add(b);
        var ba = new InventoryCounts();
        ba.Add(b);
        ba.Add(new InventoryCounts()); // an idle thread's empty counts change nothing
        ba.Add(a);
        Assert.Equal((52, 61, 2L, 2L), (ab.MinMajor, ab.MaxMajor, ab.Classes, ab.Methods));
        Assert.Equal((ab.MinMajor, ab.MaxMajor, ab.Classes, ab.Methods, ab.ThrowableHandlerLineHash), (ba.MinMajor, ba.MaxMajor, ba.Classes, ba.Methods, ba.ThrowableHandlerLineHash));
        Assert.Equal(0, new InventoryCounts().MinMajor);
    }
}
