namespace BytecodeLint.ClassFile;

/// <summary>An annotation: its type descriptor (e.g. <c>Lcom/acme/SuppressBytecodeLint;</c>) and element values.</summary>
public sealed record Annotation(Utf8Handle Type, IReadOnlyList<AnnotationElement> Elements);

/// <summary>One element_value_pair.</summary>
public sealed record AnnotationElement(Utf8Handle Name, AnnotationValue Value);

/// <summary>
/// An element_value (JVMS §4.7.16.1). <see cref="Tag"/> is the tag character; <see cref="ConstantIndex"/>
/// holds const_value_index / class_info_index / type_name_index; <see cref="EnumConstantName"/> the
/// enum constant's name; arrays and nested annotations their children.
/// </summary>
public sealed record AnnotationValue(
    char Tag,
    int ConstantIndex,
    Utf8Handle EnumConstantName,
    IReadOnlyList<AnnotationValue>? Array,
    Annotation? Nested);

/// <summary>Reads Runtime(In)VisibleAnnotations attributes.</summary>
public static class AnnotationReader
{
    private const int MaxNesting = 64; // hostile input could otherwise recurse once per 3 bytes

    public static List<Annotation> Read(AttributeInfo attribute)
    {
        var owner = attribute.Owner;
        var span = owner.Bytes.Span.Slice(0, attribute.DataOffset + attribute.Length);
        int p = attribute.DataOffset;
        int count = ByteReader.U2(span, p, "num_annotations");
        p += 2;
        var result = new List<Annotation>(count);
        for (int i = 0; i < count; i++) result.Add(ReadAnnotation(owner, span, ref p, 0));
        if (p != attribute.DataOffset + attribute.Length)
            throw new ClassFormatException(p, $"the end of the {attribute.Kind} attribute");
        return result;
    }

    /// <summary>All annotations on a class, field or method, visible and invisible.</summary>
    public static IEnumerable<Annotation> ReadAll(AttributeCollection attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Kind is AttributeKind.RuntimeVisibleAnnotations or AttributeKind.RuntimeInvisibleAnnotations)
                foreach (var annotation in Read(attribute)) yield return annotation;
        }
    }

    /// <summary>Strings of a String or String[] element value (for ids and justifications).</summary>
    public static IEnumerable<string> Strings(ConstantPool pool, AnnotationValue value)
    {
        if (value.Tag == 's') yield return pool.GetString(new Utf8Handle(value.ConstantIndex));
        else if (value.Tag == '[' && value.Array != null)
            foreach (var item in value.Array)
                if (item.Tag == 's') yield return pool.GetString(new Utf8Handle(item.ConstantIndex));
    }

    private static Annotation ReadAnnotation(JavaClass owner, ReadOnlySpan<byte> span, ref int p, int depth)
    {
        if (depth > MaxNesting) throw new ClassFormatException(p, $"annotations nested at most {MaxNesting} deep");
        int type = ByteReader.U2(span, p, "annotation type_index");
        owner.ConstantPool.RequireIndex(type, ConstantKind.Utf8, p);
        int pairs = ByteReader.U2(span, p + 2, "num_element_value_pairs");
        p += 4;
        // A pair takes at least 5 bytes: cap the capacity so a hostile count cannot allocate before failing.
        var elements = new List<AnnotationElement>(Math.Min(pairs, Math.Max(0, span.Length - p) / 5));
        for (int i = 0; i < pairs; i++)
        {
            int name = ByteReader.U2(span, p, "element_name_index");
            owner.ConstantPool.RequireIndex(name, ConstantKind.Utf8, p);
            p += 2;
            elements.Add(new AnnotationElement(new Utf8Handle(name), ReadValue(owner, span, ref p, depth)));
        }
        return new Annotation(new Utf8Handle(type), elements);
    }

    private static AnnotationValue ReadValue(JavaClass owner, ReadOnlySpan<byte> span, ref int p, int depth)
    {
        if (depth > MaxNesting) throw new ClassFormatException(p, $"element values nested at most {MaxNesting} deep");
        int at = p;
        char tag = (char)ByteReader.U1(span, p++, "element_value tag");
        var pool = owner.ConstantPool;
        switch (tag)
        {
            case 'B' or 'C' or 'I' or 'S' or 'Z':
                return ReadConstant(pool, span, ref p, tag, ConstantKind.Integer);
            case 'D': return ReadConstant(pool, span, ref p, tag, ConstantKind.Double);
            case 'F': return ReadConstant(pool, span, ref p, tag, ConstantKind.Float);
            case 'J': return ReadConstant(pool, span, ref p, tag, ConstantKind.Long);
            case 's' or 'c': return ReadConstant(pool, span, ref p, tag, ConstantKind.Utf8);
            case 'e':
            {
                int typeName = ByteReader.U2(span, p, "enum type_name_index");
                int constName = ByteReader.U2(span, p + 2, "enum const_name_index");
                pool.RequireIndex(typeName, ConstantKind.Utf8, p);
                pool.RequireIndex(constName, ConstantKind.Utf8, p + 2);
                p += 4;
                return new AnnotationValue(tag, typeName, new Utf8Handle(constName), null, null);
            }
            case '@':
                return new AnnotationValue(tag, 0, default, null, ReadAnnotation(owner, span, ref p, depth + 1));
            case '[':
            {
                int count = ByteReader.U2(span, p, "num_values");
                p += 2;
                var values = new List<AnnotationValue>(Math.Min(count, 1024));
                for (int i = 0; i < count; i++) values.Add(ReadValue(owner, span, ref p, depth + 1));
                return new AnnotationValue(tag, 0, default, values, null);
            }
            default:
                throw new ClassFormatException(at, $"an element_value tag (B C D F I J S Z s e c @ [), found 0x{(byte)tag:X2}");
        }
    }

    private static AnnotationValue ReadConstant(ConstantPool pool, ReadOnlySpan<byte> span, ref int p, char tag, ConstantKind kind)
    {
        int index = ByteReader.U2(span, p, "const_value_index");
        pool.RequireIndex(index, kind, p);
        p += 2;
        return new AnnotationValue(tag, index, default, null, null);
    }
}
