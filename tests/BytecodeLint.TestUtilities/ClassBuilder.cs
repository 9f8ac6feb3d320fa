namespace BytecodeLint.TestUtilities;

/// <summary>
/// Writes a class file (JVMS chapter 4) byte by byte, so tests can build any valid or deliberately
/// malformed class without a Java compiler. Every index is settable; nothing is validated.
/// </summary>
/// <example>
/// <code>
/// var cls = new ClassBuilder("p/A");
/// var code = new CodeBuilder().Ldc(cls.Pool.String("hi")).Op(CodeOpcodes.Pop).Return();
/// cls.Method(ClassAccess.Public | ClassAccess.Static, "m", "()V").Code(1, 0, code);
/// byte[] bytes = cls.ToArray();
/// </code>
/// </example>
public sealed class ClassBuilder
{
    private readonly List<int> _interfaces = [];
    private readonly List<ClassMemberBuilder> _fields = [];
    private readonly List<ClassMemberBuilder> _methods = [];

    /// <param name="thisClass">Internal name, e.g. <c>com/example/Foo</c>.</param>
    /// <param name="superClass">Internal name of the superclass, or null for none (super_class = 0, as in java/lang/Object or module-info).</param>
    public ClassBuilder(string thisClass, string? superClass = "java/lang/Object")
    {
        Pool = new ConstantPoolBuilder();
        Attributes = new ClassFileAttributes(Pool);
        ThisClassIndex = Pool.Class(thisClass);
        SuperClassIndex = superClass is null ? 0 : Pool.Class(superClass);
    }

    public ConstantPoolBuilder Pool { get; }

    /// <summary>The magic number, 0xCAFEBABE unless a test wants otherwise.</summary>
    public uint Magic { get; set; } = 0xCAFEBABE;

    public int MinorVersion { get; set; }

    /// <summary>Class-file major version; default 52 (Java 8).</summary>
    public int MajorVersion { get; set; } = 52;

    /// <summary>Default ACC_PUBLIC | ACC_SUPER, as javac writes for a public class.</summary>
    public int AccessFlags { get; set; } = ClassAccess.Public | ClassAccess.Super;

    public int ThisClassIndex { get; set; }

    /// <summary>0 when the class has no superclass.</summary>
    public int SuperClassIndex { get; set; }

    /// <summary>The class's own attributes (SourceFile, InnerClasses, BootstrapMethods, ...).</summary>
    public ClassFileAttributes Attributes { get; }

    /// <summary>Sets minor and major version in class-file order.</summary>
    public ClassBuilder Version(int minor, int major)
    {
        MinorVersion = minor;
        MajorVersion = major;
        return this;
    }

    /// <summary>Adds an implemented interface by internal name.</summary>
    public ClassBuilder Interface(string internalName) => InterfaceIndex(Pool.Class(internalName));

    /// <summary>Adds an interfaces[] entry with any pool index.</summary>
    public ClassBuilder InterfaceIndex(int classIndex)
    {
        _interfaces.Add(classIndex);
        return this;
    }

    public ClassMemberBuilder Field(int accessFlags, string name, string descriptor)
    {
        var field = new ClassMemberBuilder(Pool, accessFlags, Pool.Utf8(name), Pool.Utf8(descriptor));
        _fields.Add(field);
        return field;
    }

    public ClassMemberBuilder Method(int accessFlags, string name, string descriptor)
    {
        var method = new ClassMemberBuilder(Pool, accessFlags, Pool.Utf8(name), Pool.Utf8(descriptor));
        _methods.Add(method);
        return method;
    }

    /// <summary>The class file's bytes.</summary>
    public byte[] ToArray()
    {
        var writer = new ClassFileWriter().U4(Magic).U2(MinorVersion).U2(MajorVersion);
        Pool.WriteTo(writer);
        writer.U2(AccessFlags).U2(ThisClassIndex).U2(SuperClassIndex).U2(_interfaces.Count);
        foreach (var index in _interfaces)
            writer.U2(index);
        writer.U2(_fields.Count);
        foreach (var field in _fields)
            field.WriteTo(writer);
        writer.U2(_methods.Count);
        foreach (var method in _methods)
            method.WriteTo(writer);
        Attributes.WriteTo(writer);
        return writer.ToArray();
    }

    /// <summary>
    /// A tiny valid class shaped like javac's <c>public class Name {}</c> (major 52, but without
    /// SourceFile or LineNumberTable): one method, the default constructor
    /// <c>aload_0; invokespecial java/lang/Object.&lt;init&gt;()V; return</c>. Tests add to it.
    /// </summary>
    public static ClassBuilder Minimal(string name)
    {
        var builder = new ClassBuilder(name);
        var code = new CodeBuilder()
            .Op(CodeOpcodes.Aload0)
            .InvokeSpecial(builder.Pool.Methodref("java/lang/Object", "<init>", "()V"))
            .Return();
        builder.Method(ClassAccess.Public, "<init>", "()V").Code(1, 1, code);
        return builder;
    }
}
