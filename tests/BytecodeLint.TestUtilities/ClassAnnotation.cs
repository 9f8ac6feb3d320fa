namespace BytecodeLint.TestUtilities;

/// <summary>
/// One annotation for <see cref="ClassFileAttributes.RuntimeVisibleAnnotations"/> (JVMS 4.7.16) with
/// the simple element values tests need: strings, string arrays, ints and enum constants.
/// </summary>
public sealed class ClassAnnotation
{
    private readonly List<(string Name, Action<ClassFileWriter, ConstantPoolBuilder> Write)> _elements = [];

    /// <param name="typeDescriptor">The annotation type as a field descriptor, e.g. <c>Lcom/example/Suppress;</c>.</param>
    public ClassAnnotation(string typeDescriptor) => TypeDescriptor = typeDescriptor;

    public string TypeDescriptor { get; }

    /// <summary>A String element (tag 's').</summary>
    public ClassAnnotation With(string name, string value)
    {
        _elements.Add((name, (w, pool) => w.U1('s').U2(pool.Utf8(value))));
        return this;
    }

    /// <summary>An array-of-String element (tag '[' of 's').</summary>
    public ClassAnnotation With(string name, params string[] values)
    {
        _elements.Add((name, (w, pool) =>
        {
            w.U1('[').U2(values.Length);
            foreach (var value in values)
                w.U1('s').U2(pool.Utf8(value));
        }));
        return this;
    }

    /// <summary>An int element (tag 'I', value in a CONSTANT_Integer).</summary>
    public ClassAnnotation With(string name, int value)
    {
        _elements.Add((name, (w, pool) => w.U1('I').U2(pool.Integer(value))));
        return this;
    }

    /// <summary>An enum constant element (tag 'e'), e.g. <c>("Ljava/lang/annotation/RetentionPolicy;", "CLASS")</c>.</summary>
    public ClassAnnotation WithEnum(string name, string enumTypeDescriptor, string constantName)
    {
        _elements.Add((name, (w, pool) => w.U1('e').U2(pool.Utf8(enumTypeDescriptor)).U2(pool.Utf8(constantName))));
        return this;
    }

    internal void WriteTo(ClassFileWriter writer, ConstantPoolBuilder pool)
    {
        writer.U2(pool.Utf8(TypeDescriptor)).U2(_elements.Count);
        foreach (var (name, write) in _elements)
        {
            writer.U2(pool.Utf8(name));
            write(writer, pool);
        }
    }
}
