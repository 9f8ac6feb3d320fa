namespace BytecodeLint.ClassFile;

/// <summary>Readers for the small fixed-shape attributes.</summary>
public static class AttributeReaders
{
    /// <summary>SourceFile and Signature: one u2 Utf8 index.</summary>
    public static Utf8Handle ReadUtf8Attribute(AttributeInfo attribute)
    {
        if (attribute.Length != 2) throw new ClassFormatException(attribute.Offset + 2, $"attribute_length 2 for {attribute.Kind}, found {attribute.Length}");
        int index = attribute.Owner.U2(attribute.DataOffset);
        attribute.Owner.ConstantPool.RequireIndex(index, ConstantKind.Utf8, attribute.DataOffset);
        return new Utf8Handle(index);
    }

    /// <summary>Exceptions attribute: the checked exceptions a method declares.</summary>
    public static ClassHandle[] ReadExceptions(AttributeInfo attribute) => ReadClassList(attribute, "number_of_exceptions");

    /// <summary>NestMembers / PermittedSubclasses style lists of Class indices.</summary>
    public static ClassHandle[] ReadClassList(AttributeInfo attribute, string what)
    {
        var owner = attribute.Owner;
        int count = RequireCount(attribute, 2, what);
        var result = new ClassHandle[count];
        for (int i = 0; i < count; i++)
        {
            int at = attribute.DataOffset + 2 + 2 * i;
            owner.ConstantPool.RequireIndex(owner.U2(at), ConstantKind.Class, at);
            result[i] = new ClassHandle(owner.U2(at));
        }
        return result;
    }

    /// <summary>An InnerClasses entry; nil handles where the format allows 0.</summary>
    public readonly record struct InnerClassEntry(ClassHandle Inner, ClassHandle Outer, Utf8Handle InnerName, AccessFlags Flags);

    public static InnerClassEntry[] ReadInnerClasses(AttributeInfo attribute)
    {
        var owner = attribute.Owner;
        var pool = owner.ConstantPool;
        int count = RequireCount(attribute, 8, "number_of_classes");
        var result = new InnerClassEntry[count];
        for (int i = 0; i < count; i++)
        {
            int at = attribute.DataOffset + 2 + 8 * i;
            int inner = owner.U2(at), outer = owner.U2(at + 2), name = owner.U2(at + 4);
            pool.RequireIndex(inner, ConstantKind.Class, at);
            if (outer != 0) pool.RequireIndex(outer, ConstantKind.Class, at + 2);
            if (name != 0) pool.RequireIndex(name, ConstantKind.Utf8, at + 4);
            result[i] = new InnerClassEntry(new ClassHandle(inner), new ClassHandle(outer), new Utf8Handle(name), (AccessFlags)owner.U2(at + 6));
        }
        return result;
    }

    /// <summary>A bootstrap method: the MethodHandle constant and its static argument indices.</summary>
    public readonly record struct BootstrapMethod(int MethodHandleIndex, int[] Arguments);

    public static BootstrapMethod[] ReadBootstrapMethods(AttributeInfo attribute)
    {
        var owner = attribute.Owner;
        var span = owner.Bytes.Span.Slice(0, attribute.DataOffset + attribute.Length);
        int count = ByteReader.U2(span, attribute.DataOffset, "num_bootstrap_methods");
        var result = new BootstrapMethod[count];
        int p = attribute.DataOffset + 2;
        for (int i = 0; i < count; i++)
        {
            int handle = ByteReader.U2(span, p, "bootstrap_method_ref");
            owner.ConstantPool.RequireIndex(handle, ConstantKind.MethodHandle, p);
            int argCount = ByteReader.U2(span, p + 2, "num_bootstrap_arguments");
            ByteReader.Require(span, p + 4, 2L * argCount, "bootstrap_arguments");
            var args = new int[argCount];
            for (int a = 0; a < argCount; a++)
            {
                args[a] = owner.U2(p + 4 + 2 * a);
                if (owner.ConstantPool.KindAt(args[a]) == ConstantKind.None)
                    throw new ClassFormatException(p + 4 + 2 * a, "a loadable constant as bootstrap argument", args[a]);
            }
            result[i] = new BootstrapMethod(handle, args);
            p += 4 + 2 * argCount;
        }
        if (p != attribute.DataOffset + attribute.Length)
            throw new ClassFormatException(p, "the end of the BootstrapMethods attribute");
        return result;
    }

    /// <summary>Reads a u2 entry count and checks that the attribute is exactly that many fixed-size entries.</summary>
    internal static int RequireCount(AttributeInfo attribute, int entrySize, string what)
    {
        var span = attribute.Owner.Bytes.Span.Slice(0, attribute.DataOffset + attribute.Length);
        int count = ByteReader.U2(span, attribute.DataOffset, what);
        if (attribute.Length != 2 + entrySize * count)
            throw new ClassFormatException(attribute.DataOffset, $"{2 + entrySize * count} bytes for {count} {attribute.Kind} entries, found {attribute.Length}");
        return count;
    }
}
