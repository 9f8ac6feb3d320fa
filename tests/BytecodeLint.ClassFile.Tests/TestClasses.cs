using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

/// <summary>Class files shared by several tests: real ones from the oracle and samples, and byte-built ones.</summary>
internal static class TestClasses
{
    public static string OracleCases => RepoPaths.OracleCases;

    /// <summary>
    /// Every .class file of the oracle cases (compiled by javac / rewritten by HotSpot). No existence check:
    /// the cases are committed, so a missing folder must fail the tests, not empty the theory.
    /// </summary>
    public static IEnumerable<string> OracleClassFiles() =>
        Directory.EnumerateFiles(OracleCases, "*.class", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>The committed sample classes (samples/java/classes).</summary>
    public static IEnumerable<string> SampleClassFiles()
    {
        string dir = Path.Combine(RepoPaths.Samples, "java", "classes");
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.class", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
    }

    public static byte[] CatchThrowable() => File.ReadAllBytes(Path.Combine(OracleCases, "exp1-CatchThrowable", "original.class"));

    /// <summary>
    /// A small class that exercises most of the format: every constant kind, a field with an
    /// annotation, a method with wide forms, both switches, an exception table, line numbers,
    /// local variables, a stack map with several frame kinds, and class attributes.
    /// </summary>
    public static byte[] Rich()
    {
        var cls = new ClassBuilder("p/Rich") { MajorVersion = 61 };
        var pool = cls.Pool;
        pool.Integer(-7);
        pool.Float(1.5f);
        pool.Long(1L << 40);
        pool.Double(2.25);
        int str = pool.String("héllo\0😀");
        int fieldref = pool.Fieldref("p/Rich", "f", "I");
        int methodref = pool.Methodref("java/lang/Object", "<init>", "()V");
        int itf = pool.InterfaceMethodref("java/lang/Runnable", "run", "()V");
        int handle = pool.MethodHandle(6, pool.Methodref("p/Rich", "bsm", "()V"));
        pool.MethodType("()V");
        pool.Dynamic(0, "d", "I");
        pool.InvokeDynamic(0, "i", "()V");
        pool.Module("m");
        pool.Package("p");
        cls.Interface("java/lang/Runnable");
        cls.Field(0x0002, "f", "I").Attributes.RuntimeVisibleAnnotations(new ClassAnnotation("Lp/A;").With("s", "x").With("a", "y", "z").With("i", 3).WithEnum("e", "Lp/E;", "ONE"));

        var code = new CodeBuilder()
            .Op(CodeOpcodes.Aload0).InvokeSpecial(methodref)          // 0
            .Ldc(str).Op(CodeOpcodes.Pop)                             // 4
            .Wide(CodeOpcodes.Iload, 300).Op(CodeOpcodes.Pop)         // 7
            .WideIinc(300, -2)                                        // 12
            .Op(CodeOpcodes.Iconst0)                                  // 18
            .TableSwitch(21, 1, 2, 21, 21)                            // 19: no padding, ends at 40
            .Op(CodeOpcodes.Iconst0)                                  // 40
            .LookupSwitch(30, (5, 30))                                // 41: 2 padding bytes, ends at 60
            .Op(CodeOpcodes.Aload0).GetField(fieldref).Op(CodeOpcodes.Pop) // 60
            .Op(CodeOpcodes.Aload0).InvokeInterface(itf, 1)           // 65
            .Return();                                                // 71
        cls.Method(0x0001, "<init>", "()V").Code(2, 301, code, c => c
            .Handler(0, 4, 71, "java/lang/Throwable")
            .Handler(4, 7, 71, 0)
            .LineNumberTable((0, 10), (4, 11), (71, 12))
            .LocalVariableTable((0, 72, "this", "Lp/Rich;", 0))
            // frames at pc 40 (same, delta 40) and pc 71 (full: locals [this], empty stack)
            .StackMapTable([0, 2, 40, 255, 0, 30, 0, 1, 7, 0, (byte)cls.ThisClassIndex, 0, 0]));
        cls.Method(0x0009, "bsm", "()V").Code(0, 0, new CodeBuilder().Return()).Attributes.Exceptions("java/lang/Exception");
        cls.Attributes.SourceFile("Rich.java");
        cls.Attributes.Signature("Ljava/lang/Object;");
        cls.Attributes.InnerClasses(("p/Rich$In", "p/Rich", "In", 0x0008), ("p/Rich$1", null, null, 0));
        cls.Attributes.BootstrapMethods((handle, [str]));
        cls.Attributes.Raw("Custom", [1, 2, 3]);
        return cls.ToArray();
    }
}
