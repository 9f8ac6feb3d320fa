using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// A small set of byte-built classes for BL0002 tests, written to a temp folder and scanned as one
/// artifact. Methods are written with <see cref="BL0002Code"/>, which names members instead of pool indices.
/// </summary>
internal sealed class BL0002Classes
{
    public const string Transformer = "java/lang/instrument/ClassFileTransformer";
    public const string TransformDescriptor = "(Ljava/lang/ClassLoader;Ljava/lang/String;Ljava/lang/Class;Ljava/security/ProtectionDomain;[B)[B";

    private readonly List<ClassBuilder> _classes = [];

    public ClassBuilder Class(string name, string? super = "java/lang/Object", params string[] interfaces)
    {
        var builder = new ClassBuilder(name, super);
        foreach (var i in interfaces) builder.Interface(i);
        _classes.Add(builder);
        return builder;
    }

    /// <summary>An interface declaring one abstract method (the shape of a strategy or factory with several implementations).</summary>
    public ClassBuilder Interface(string name, string method, string descriptor)
    {
        var builder = Class(name);
        builder.AccessFlags = ClassAccess.Public | ClassAccess.Interface | ClassAccess.Abstract;
        builder.Method(ClassAccess.Public | ClassAccess.Abstract, method, descriptor);
        return builder;
    }

    /// <summary>Adds a method whose body <paramref name="body"/> writes; max_stack/max_locals are generous (the analysis does not verify).</summary>
    public static void Method(ClassBuilder owner, string name, string descriptor, Action<BL0002Code> body, int access = ClassAccess.Public)
    {
        var code = new BL0002Code(owner.Pool);
        body(code);
        owner.Method(access, name, descriptor).Code(16, 16, code.Builder, c => { if (code.Lines.Count > 0) c.LineNumberTable([.. code.Lines]); });
    }

    /// <summary>A constructor that only calls <c>super()</c> (or the given super constructor).</summary>
    public static void DefaultConstructor(ClassBuilder owner, string super = "java/lang/Object") =>
        Method(owner, "<init>", "()V", c => c.Aload(0).Special(super, "<init>", "()V").Return());

    /// <summary>A class implementing ClassFileTransformer whose transform method is <paramref name="body"/> (classfileBuffer is local 5).</summary>
    public ClassBuilder TransformerClass(string name, Action<BL0002Code> body)
    {
        var c = Class(name, "java/lang/Object", Transformer);
        DefaultConstructor(c);
        Method(c, "transform", TransformDescriptor, body);
        return c;
    }

    /// <summary>
    /// A minimal copy of ASM in <paramref name="package"/>: an abstract visitor, a reader with
    /// <c>([B)V</c> and <c>accept</c>, and a writer whose <c>(I)V</c> is <c>this(null, flags)</c> as since ASM 6.1.
    /// Class names can be changed to test recognition by shape.
    /// </summary>
    public void AsmCopy(string package, string writer = "ClassWriter", string reader = "ClassReader", string visitor = "ClassVisitor")
    {
        string v = package + "/" + visitor, r = package + "/" + reader, w = package + "/" + writer;
        var visitorClass = Class(v);
        visitorClass.AccessFlags |= ClassAccess.Abstract;
        DefaultConstructor(visitorClass);

        var readerClass = Class(r);
        Method(readerClass, "<init>", "([B)V", c => c.Aload(0).Special("java/lang/Object", "<init>", "()V").Return());
        Method(readerClass, "accept", $"(L{v};I)V", c => c.Return());

        var writerClass = Class(w, v);
        Method(writerClass, "<init>", "(I)V", c => c.Aload(0).Null().Iload(1).Special(w, "<init>", $"(L{r};I)V").Return());
        Method(writerClass, "<init>", $"(L{r};I)V", c => c.Aload(0).Special(v, "<init>", "()V").Return());
        Method(writerClass, "toByteArray", "()[B", c => c.Null().Areturn());
    }

    /// <summary>The classes as a jar in memory.</summary>
    public byte[] ToJar()
    {
        var zip = new ZipBuilder();
        foreach (var c in _classes)
        {
            var bytes = c.ToArray();
            zip.Add(BytecodeLint.ClassFile.JavaClass.Parse(bytes).Name + ".class", bytes);
        }
        return zip.Build();
    }

    /// <summary>The call graph of every class, built by the artifact flow itself (no analyzer involved).</summary>
    public BytecodeLint.Analysis.Flow.ArtifactCallGraph Graph() =>
        BytecodeLint.Analysis.Flow.ArtifactFlow.BuildGraph(ScanInput.FromBytes("classes.jar", ToJar()));

    /// <summary>Scans the classes as one jar built in memory (no temporary files); BL0002's findings only.</summary>
    public IReadOnlyList<Diagnostic> Scan(BytecodeAnalyzer analyzer, AnalyzerOptions? options = null)
    {
        var zip = new ZipBuilder();
        foreach (var c in _classes)
        {
            var bytes = c.ToArray();
            zip.Add(BytecodeLint.ClassFile.JavaClass.Parse(bytes).Name + ".class", bytes);
        }
        return new ScanEngine([analyzer], options).Scan([ScanInput.FromBytes("classes.jar", zip.Build())])
            .Diagnostics.Where(d => d.Id == "BL0002").ToList();
    }
}

/// <summary>Writes bytecode by member names; <see cref="Line"/> starts a LineNumberTable entry at the current pc.</summary>
internal sealed class BL0002Code(ConstantPoolBuilder pool)
{
    public CodeBuilder Builder { get; } = new();

    public List<(int StartPc, int Line)> Lines { get; } = [];

    public BL0002Code Line(int line)
    {
        Lines.Add((Builder.Pc, line));
        return this;
    }

    public BL0002Code New(string type) { Builder.New(pool.Class(type)); return this; }
    public BL0002Code Dup() { Builder.Op(CodeOpcodes.Dup); return this; }
    public BL0002Code Pop() { Builder.Op(CodeOpcodes.Pop); return this; }
    public BL0002Code Null() { Builder.Op(CodeOpcodes.AconstNull); return this; }
    public BL0002Code Iconst(int value) { Builder.Op((byte)(CodeOpcodes.Iconst0 + value)); return this; }
    public BL0002Code Aload(int local) { Builder.Op(CodeOpcodes.Aload).U1(local); return this; }
    public BL0002Code Iload(int local) { Builder.Op(CodeOpcodes.Iload).U1(local); return this; }
    public BL0002Code Astore(int local) { Builder.Op(CodeOpcodes.Astore).U1(local); return this; }
    public BL0002Code Areturn() { Builder.Op(CodeOpcodes.Areturn); return this; }
    public BL0002Code Return() { Builder.Return(); return this; }
    public BL0002Code Special(string owner, string name, string descriptor) { Builder.InvokeSpecial(pool.Methodref(owner, name, descriptor)); return this; }
    public BL0002Code Virtual(string owner, string name, string descriptor) { Builder.InvokeVirtual(pool.Methodref(owner, name, descriptor)); return this; }
    public BL0002Code Static(string owner, string name, string descriptor) { Builder.InvokeStatic(pool.Methodref(owner, name, descriptor)); return this; }

    public BL0002Code Interface(string owner, string name, string descriptor, int argumentSlots)
    {
        Builder.InvokeInterface(pool.InterfaceMethodref(owner, name, descriptor), argumentSlots + 1);
        return this;
    }

    public BL0002Code StaticInterface(string owner, string name, string descriptor) { Builder.InvokeStatic(pool.InterfaceMethodref(owner, name, descriptor)); return this; }
    public BL0002Code GetField(string owner, string name, string descriptor) { Builder.GetField(pool.Fieldref(owner, name, descriptor)); return this; }
    public BL0002Code PutField(string owner, string name, string descriptor) { Builder.PutField(pool.Fieldref(owner, name, descriptor)); return this; }
    public BL0002Code GetStatic(string owner, string name, string descriptor) { Builder.GetStatic(pool.Fieldref(owner, name, descriptor)); return this; }
    public BL0002Code PutStatic(string owner, string name, string descriptor) { Builder.PutStatic(pool.Fieldref(owner, name, descriptor)); return this; }
    public BL0002Code ANewArray(string type) { Builder.Op(CodeOpcodes.Anewarray).U2(pool.Class(type)); return this; }
    public BL0002Code Aastore() { Builder.Op(CodeOpcodes.Aastore); return this; }

    /// <summary><c>new type(args)</c>: new, dup, the argument pushes, invokespecial.</summary>
    public BL0002Code Construct(string type, string descriptor, Action<BL0002Code> arguments)
    {
        New(type).Dup();
        arguments(this);
        return Special(type, "<init>", descriptor);
    }

    /// <summary>An invokedynamic through LambdaMetafactory.metafactory to <paramref name="implementation"/> (a static method).</summary>
    public BL0002Code Lambda(ClassBuilder owner, string name, string descriptor, (string Owner, string Name, string Descriptor) implementation, string samDescriptor)
    {
        var factory = pool.MethodHandle(6, pool.Methodref("java/lang/invoke/LambdaMetafactory", "metafactory",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;"));
        var target = pool.MethodHandle(6, pool.Methodref(implementation.Owner, implementation.Name, implementation.Descriptor));
        var sam = pool.MethodType(samDescriptor);
        owner.Attributes.BootstrapMethods((factory, [sam, target, sam]));
        Builder.InvokeDynamic(pool.InvokeDynamic(0, name, descriptor));
        return this;
    }
}
