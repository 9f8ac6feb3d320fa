using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

public class AttributeTests
{
    [Fact]
    public void The_rich_class_reads_back_what_was_built()
    {
        var cls = JavaClass.Parse(TestClasses.Rich());
        var pool = cls.ConstantPool;
        Assert.Equal("p/Rich", cls.Name);
        Assert.Equal("Rich.java", cls.SourceFile);
        Assert.Equal("Ljava/lang/Object;", cls.Signature);
        Assert.Equal(2, cls.MethodCount);
        Assert.Equal(1, cls.FieldCount);

        var inner = AttributeReaders.ReadInnerClasses(cls.Attributes.Find(AttributeKind.InnerClasses)!.Value);
        Assert.Equal(2, inner.Length);
        Assert.Equal("p/Rich$In", pool.GetClassNameString(inner[0].Inner));
        Assert.Equal("In", pool.GetString(inner[0].InnerName));
        Assert.True(inner[1].Outer.IsNil);
        Assert.True(inner[1].InnerName.IsNil);

        var bootstrap = Assert.Single(AttributeReaders.ReadBootstrapMethods(cls.Attributes.Find(AttributeKind.BootstrapMethods)!.Value));
        Assert.Equal(ConstantKind.MethodHandle, pool.KindAt(bootstrap.MethodHandleIndex));
        Assert.Equal(ConstantKind.String, pool.KindAt(Assert.Single(bootstrap.Arguments)));

        var custom = cls.Attributes.Find(AttributeKind.Unknown)!.Value;
        Assert.Equal("Custom", custom.NameString);
        Assert.Equal(new byte[] { 1, 2, 3 }, custom.Data.ToArray());

        var bsm = cls.GetMethod(1);
        Assert.Equal("bsm()V", bsm.ToString());
        var exceptions = AttributeReaders.ReadExceptions(bsm.Attributes.Find(AttributeKind.Exceptions)!.Value);
        Assert.Equal("java/lang/Exception", pool.GetClassNameString(Assert.Single(exceptions)));
    }

    /// <summary>
    /// Attribute kinds are remembered per class in a few slots; a class with more distinct attribute names
    /// than slots is still read right, name after name, however often it is asked.
    /// </summary>
    [Fact]
    public void Attribute_kinds_are_right_with_more_names_than_the_class_remembers()
    {
        var builder = new ClassBuilder("p/Many");
        for (int i = 0; i < 20; i++) builder.Attributes.Raw("Custom" + i, [(byte)i]);
        builder.Attributes.SourceFile("Many.java");
        builder.Attributes.Signature("Ljava/lang/Object;");
        var cls = JavaClass.Parse(builder.ToArray());

        for (int round = 0; round < 3; round++)
        {
            var kinds = new List<(string Name, AttributeKind Kind)>();
            foreach (var attribute in cls.Attributes) kinds.Add((attribute.NameString, attribute.Kind));
            Assert.Equal(22, kinds.Count);
            Assert.All(kinds.Take(20), k => Assert.Equal(AttributeKind.Unknown, k.Kind));
            Assert.Equal(("SourceFile", AttributeKind.SourceFile), kinds[20]);
            Assert.Equal(("Signature", AttributeKind.Signature), kinds[21]);
            Assert.Equal("Many.java", cls.SourceFile);
        }
    }

    [Fact]
    public void Code_exception_table_line_numbers_and_locals_are_read()
    {
        var cls = JavaClass.Parse(TestClasses.Rich());
        var code = cls.GetMethod(0).GetCode()!.Value;
        Assert.Equal(2, code.MaxStack);
        Assert.Equal(301, code.MaxLocals);
        Assert.Equal(72, code.CodeLength);
        Assert.Equal(2, code.ExceptionHandlerCount);
        var throwable = code.GetExceptionHandler(0);
        Assert.Equal(new ExceptionHandler(0, 0, 4, 71, throwable.CatchType), throwable);
        Assert.True(cls.ConstantPool.ClassNameEquals(throwable.CatchType, "java/lang/Throwable"u8));
        var any = code.GetExceptionHandler(1);
        Assert.True(any.CatchType.IsNil); // catch-any (finally)
        Assert.Equal((4, 7, 71), (any.StartPc, any.EndPc, any.HandlerPc));

        var lines = new LineNumberTable(code.Attributes.Find(AttributeKind.LineNumberTable)!.Value);
        Assert.Equal(3, lines.Count);
        Assert.Equal((71, 12), lines[2]);
        Assert.Equal(3, code.LineNumberEntryCount);

        var locals = new LocalVariableTable(code.Attributes.Find(AttributeKind.LocalVariableTable)!.Value);
        var local = locals[0];
        Assert.Equal((0, 72, 0), (local.StartPc, local.Length, local.Slot));
        Assert.Equal("this", cls.ConstantPool.GetString(local.Name));
        Assert.Equal("Lp/Rich;", cls.ConstantPool.GetString(local.Descriptor));

        var frames = code.GetStackMapTable()!.Value.DecodeFrames();
        Assert.Equal([40, 71], frames.Select(f => f.Pc));

        var ops = new List<Opcode>();
        var cursor = code.GetInstructions();
        while (cursor.MoveNext()) ops.Add(cursor.Opcode);
        Assert.Equal([Opcode.Aload0, Opcode.Invokespecial, Opcode.Ldc, Opcode.Pop, Opcode.Iload, Opcode.Pop, Opcode.Iinc, Opcode.Iconst0,
            Opcode.Tableswitch, Opcode.Iconst0, Opcode.Lookupswitch, Opcode.Aload0, Opcode.Getfield, Opcode.Pop, Opcode.Aload0,
            Opcode.Invokeinterface, Opcode.Return], ops);
    }

    [Fact]
    public void Line_number_tables_keep_table_order_and_sum_over_several_attributes()
    {
        var cls = new ClassBuilder("p/L");
        cls.Method(9, "m", "()V").Code(0, 0, new CodeBuilder().Op(CodeOpcodes.Nop).Return(), c => c
            .LineNumberTable((1, 9), (0, 8), (0, 0))
            .LineNumberTable((1, 70000 & 0xFFFF)));
        var code = JavaClass.Parse(cls.ToArray()).GetMethod(0).GetCode()!.Value;
        Assert.Equal(4, code.LineNumberEntryCount);
        var first = new LineNumberTable(code.Attributes.Find(AttributeKind.LineNumberTable)!.Value);
        Assert.Equal([(1, 9), (0, 8), (0, 0)], Enumerable.Range(0, first.Count).Select(i => first[i]));
    }

    public static TheoryData<string> BadCode() => ["code_length 0", "code_length past attribute", "handler start>=end", "handler end past code", "handler pc past code", "catch type utf8", "trailing bytes", "nested attribute overruns"];

    [Theory]
    [MemberData(nameof(BadCode))]
    public void Malformed_code_attributes_fail_on_read(string shape)
    {
        var cls = new ClassBuilder("p/C");
        int utf8 = cls.Pool.Utf8("java/lang/Throwable");
        byte[] code = [CodeOpcodes.Nop, CodeOpcodes.Return];
        var method = cls.Method(9, "m", "()V");
        switch (shape)
        {
            case "code_length 0": method.Code(0, 0, code, c => c.CodeLengthOverride = 0); break;
            case "code_length past attribute": method.Code(0, 0, code, c => c.CodeLengthOverride = 100); break;
            case "handler start>=end": method.Code(0, 0, code, c => c.Handler(1, 1, 0, 0)); break;
            case "handler end past code": method.Code(0, 0, code, c => c.Handler(0, 3, 0, 0)); break;
            case "handler pc past code": method.Code(0, 0, code, c => c.Handler(0, 1, 2, 0)); break;
            case "catch type utf8": method.Code(0, 0, code, c => c.Handler(0, 1, 1, utf8)); break;
            case "trailing bytes": method.Code(0, 0, [.. code, 0, 0, 0, 0, 0, 0, 0, 0, 0], c => c.CodeLengthOverride = 2); break;
            case "nested attribute overruns": method.Code(0, 0, code, c => c.Attribute("X", [1]).CodeLengthOverride = 1); break;
        }
        JavaClass javaClass;
        try
        {
            javaClass = JavaClass.Parse(cls.ToArray()); // framing is fine: the Code attribute length is right
        }
        catch (ClassFormatException)
        {
            return;
        }
        var e = Assert.Throws<ClassFormatException>(() => javaClass.GetMethod(0).GetCode());
        var attribute = javaClass.GetMethod(0).Attributes.Find(AttributeKind.Code)!.Value;
        Assert.InRange(e.Offset, attribute.Offset, attribute.DataOffset + attribute.Length);
    }

    [Fact]
    public void Attribute_length_past_the_end_is_rejected_at_parse()
    {
        var bytes = ClassBuilder.Minimal("p/A").ToArray();
        // The class attributes_count is the last u2; make it claim one attribute that is not there.
        bytes[^1] = 1;
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(bytes));
        Assert.InRange(e.Offset, bytes.Length - 2, bytes.Length);
    }

    [Fact]
    public void Small_attributes_check_their_length()
    {
        var cls = new ClassBuilder("p/A");
        cls.Attributes.Raw("SourceFile", [0, 1, 2]);
        cls.Attributes.Raw("InnerClasses", [0, 2, 0, 0]);
        cls.Attributes.Raw("BootstrapMethods", [0, 1, 0]);
        var javaClass = JavaClass.Parse(cls.ToArray());
        Assert.Throws<ClassFormatException>(() => javaClass.SourceFile);
        Assert.Throws<ClassFormatException>(() => AttributeReaders.ReadInnerClasses(javaClass.Attributes.Find(AttributeKind.InnerClasses)!.Value));
        Assert.Throws<ClassFormatException>(() => AttributeReaders.ReadBootstrapMethods(javaClass.Attributes.Find(AttributeKind.BootstrapMethods)!.Value));
    }
}
