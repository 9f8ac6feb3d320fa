namespace BytecodeLint.TestUtilities;

/// <summary>
/// An attribute table (JVMS 4.7) for a class, field, method or Code attribute. Every kind can be
/// added at every level, so tests can also put attributes where they do not belong. Attribute
/// names are added to the pool when the attribute is added; bodies are encoded at write time, so a
/// <see cref="CodeBuilder"/> may keep growing after <see cref="Code(int,int,CodeBuilder,Action{CodeAttributeBuilder}?)"/>.
/// </summary>
public sealed class ClassFileAttributes
{
    private readonly ConstantPoolBuilder _pool;
    private readonly List<(int NameIndex, Func<byte[]> Info)> _attributes = [];

    public ClassFileAttributes(ConstantPoolBuilder pool) => _pool = pool;

    /// <summary>Number of attributes added.</summary>
    public int Count => _attributes.Count;

    /// <summary>Any attribute: <paramref name="name"/> and its <c>info</c> bytes (the length is computed).</summary>
    public ClassFileAttributes Raw(string name, byte[] info) => RawNameIndex(_pool.Utf8(name), info);

    /// <summary>Any attribute whose <c>attribute_name_index</c> is given directly (e.g. pointing at a non-Utf8 entry).</summary>
    public ClassFileAttributes RawNameIndex(int nameIndex, byte[] info)
    {
        _attributes.Add((nameIndex, () => info));
        return this;
    }

    public ClassFileAttributes SourceFile(string fileName) => Raw("SourceFile", U2(_pool.Utf8(fileName)));

    public ClassFileAttributes Signature(string signature) => Raw("Signature", U2(_pool.Utf8(signature)));

    /// <summary>A Code attribute over a <see cref="CodeBuilder"/>'s bytes (read when the class is written).</summary>
    public ClassFileAttributes Code(int maxStack, int maxLocals, CodeBuilder code, Action<CodeAttributeBuilder>? configure = null)
    {
        var attribute = new CodeAttributeBuilder(_pool, maxStack, maxLocals, code.ToArray);
        configure?.Invoke(attribute);
        _attributes.Add((_pool.Utf8("Code"), attribute.ToInfo));
        return this;
    }

    /// <summary>A Code attribute over fixed code bytes.</summary>
    public ClassFileAttributes Code(int maxStack, int maxLocals, byte[] code, Action<CodeAttributeBuilder>? configure = null)
    {
        var attribute = new CodeAttributeBuilder(_pool, maxStack, maxLocals, () => code);
        configure?.Invoke(attribute);
        _attributes.Add((_pool.Utf8("Code"), attribute.ToInfo));
        return this;
    }

    /// <summary>Exceptions: the checked exceptions a method declares, by internal class name.</summary>
    public ClassFileAttributes Exceptions(params string[] internalNames)
    {
        var writer = new ClassFileWriter().U2(internalNames.Length);
        foreach (var name in internalNames)
            writer.U2(_pool.Class(name));
        return Raw("Exceptions", writer.ToArray());
    }

    /// <summary>LineNumberTable from (start_pc, line_number) pairs, written in the given order.</summary>
    public ClassFileAttributes LineNumberTable(params (int StartPc, int Line)[] entries)
    {
        var writer = new ClassFileWriter().U2(entries.Length);
        foreach (var (startPc, line) in entries)
            writer.U2(startPc).U2(line);
        return Raw("LineNumberTable", writer.ToArray());
    }

    /// <summary>LocalVariableTable; names and descriptors are added to the pool as Utf8.</summary>
    public ClassFileAttributes LocalVariableTable(params (int StartPc, int Length, string Name, string Descriptor, int Slot)[] entries)
    {
        var writer = new ClassFileWriter().U2(entries.Length);
        foreach (var (startPc, length, name, descriptor, slot) in entries)
            writer.U2(startPc).U2(length).U2(_pool.Utf8(name)).U2(_pool.Utf8(descriptor)).U2(slot);
        return Raw("LocalVariableTable", writer.ToArray());
    }

    /// <summary>StackMapTable with its whole <c>info</c> given raw (number_of_entries included).</summary>
    public ClassFileAttributes StackMapTable(byte[] info) => Raw("StackMapTable", info);

    public ClassFileAttributes RuntimeVisibleAnnotations(params ClassAnnotation[] annotations) =>
        Raw("RuntimeVisibleAnnotations", EncodeAnnotations(annotations));

    public ClassFileAttributes RuntimeInvisibleAnnotations(params ClassAnnotation[] annotations) =>
        Raw("RuntimeInvisibleAnnotations", EncodeAnnotations(annotations));

    /// <summary>BootstrapMethods: each entry a CONSTANT_MethodHandle index and its static argument indices.</summary>
    public ClassFileAttributes BootstrapMethods(params (int MethodHandleIndex, int[] Arguments)[] methods)
    {
        var writer = new ClassFileWriter().U2(methods.Length);
        foreach (var (handle, arguments) in methods)
        {
            writer.U2(handle).U2(arguments.Length);
            foreach (var argument in arguments)
                writer.U2(argument);
        }
        return Raw("BootstrapMethods", writer.ToArray());
    }

    /// <summary>
    /// InnerClasses; a null outer class or simple name is written as index 0 (local or anonymous classes).
    /// </summary>
    public ClassFileAttributes InnerClasses(params (string Inner, string? Outer, string? SimpleName, int AccessFlags)[] classes)
    {
        var writer = new ClassFileWriter().U2(classes.Length);
        foreach (var (inner, outer, simpleName, access) in classes)
        {
            writer.U2(_pool.Class(inner))
                .U2(outer is null ? 0 : _pool.Class(outer))
                .U2(simpleName is null ? 0 : _pool.Utf8(simpleName))
                .U2(access);
        }
        return Raw("InnerClasses", writer.ToArray());
    }

    /// <summary>Writes <c>attributes_count</c> and the attributes.</summary>
    public void WriteTo(ClassFileWriter writer)
    {
        writer.U2(_attributes.Count);
        foreach (var (nameIndex, info) in _attributes)
        {
            var bytes = info();
            writer.U2(nameIndex).U4((uint)bytes.Length).Bytes(bytes);
        }
    }

    private byte[] EncodeAnnotations(ClassAnnotation[] annotations)
    {
        var writer = new ClassFileWriter().U2(annotations.Length);
        foreach (var annotation in annotations)
            annotation.WriteTo(writer, _pool);
        return writer.ToArray();
    }

    private static byte[] U2(int value) => new ClassFileWriter().U2(value).ToArray();
}
