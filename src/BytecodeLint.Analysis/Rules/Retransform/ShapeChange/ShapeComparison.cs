using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.ShapeChange;

/// <summary>
/// Compares a class with what an agent made of it the way <c>VM_RedefineClasses::compare_and_normalize_class_versions</c>
/// does (docs/rules/BL0006.md): superclass and interfaces (in order), NestHost, NestMembers, Record
/// (component names, descriptors, generic signatures) and PermittedSubclasses, class access flags,
/// fields by position (name, descriptor, access flags), methods by name and descriptor (added,
/// deleted, access flags). Bodies, constants, annotations and line numbers may change freely.
/// </summary>
internal static class ShapeComparison
{
    /// <summary>The method modifiers HotSpot compares (JVM_RECOGNIZED_METHOD_MODIFIERS).</summary>
    private const int RecognizedMethodModifiers = 0x1DFF;

    public static List<ShapeDifference> Compare(JavaClass original, JavaClass transformed)
    {
        var found = new List<ShapeDifference>();
        Hierarchy(original, transformed, found);
        Attributes(original, transformed, found);
        if (original.AccessFlags != transformed.AccessFlags)
            found.Add(new(ShapeChangeKind.ClassModifiers, $"class access flags 0x{(int)original.AccessFlags:X4} → 0x{(int)transformed.AccessFlags:X4}"));
        Fields(original, transformed, found);
        Methods(original, transformed, found);
        return found;
    }

    private static void Hierarchy(JavaClass a, JavaClass b, List<ShapeDifference> found)
    {
        string? superA = SuperName(a), superB = SuperName(b);
        if (superA != superB) found.Add(new(ShapeChangeKind.Hierarchy, $"superclass {superA ?? "none"} → {superB ?? "none"}"));
        var ia = Interfaces(a);
        var ib = Interfaces(b);
        if (!ia.SequenceEqual(ib))
            found.Add(new(ShapeChangeKind.Hierarchy, $"interfaces [{string.Join(", ", ia)}] → [{string.Join(", ", ib)}]"));
    }

    private static string? SuperName(JavaClass c) => c.SuperClass.IsNil ? null : c.ConstantPool.GetClassNameString(c.SuperClass);

    private static List<string> Interfaces(JavaClass c)
    {
        var names = new List<string>(c.InterfaceCount);
        for (int i = 0; i < c.InterfaceCount; i++) names.Add(c.ConstantPool.GetClassNameString(c.GetInterface(i)));
        return names;
    }

    private static void Attributes(JavaClass a, JavaClass b, List<ShapeDifference> found)
    {
        foreach (var (kind, name) in (ReadOnlySpan<(AttributeKind, string)>)[(AttributeKind.NestHost, "NestHost"), (AttributeKind.NestMembers, "NestMembers"), (AttributeKind.Record, "Record"), (AttributeKind.PermittedSubclasses, "PermittedSubclasses")])
        {
            var before = Describe(a, kind);
            var after = Describe(b, kind);
            if (before == after) continue;
            string detail = before is null ? $"{name} attribute added ({after})"
                : after is null ? $"{name} attribute removed"
                : $"{name} {before} → {after}";
            found.Add(new(ShapeChangeKind.ClassAttribute, detail));
        }
    }

    /// <summary>The attribute's contents resolved to names (pool indices may differ between the two classes), or null when absent.</summary>
    private static string? Describe(JavaClass c, AttributeKind kind)
    {
        if (c.Attributes.Find(kind) is not { } attribute) return null;
        var pool = c.ConstantPool;
        return kind switch
        {
            AttributeKind.NestHost => pool.GetClassNameString(new ClassHandle(U2(attribute.Data, 0))),
            AttributeKind.Record => RecordComponents(c, attribute),
            _ => "[" + string.Join(", ", AttributeReaders.ReadClassList(attribute, "number_of_classes").Select(pool.GetClassNameString)) + "]",
        };
    }

    /// <summary>Each component as <c>name:descriptor</c>, with its generic Signature when it has one.</summary>
    private static string RecordComponents(JavaClass c, AttributeInfo attribute)
    {
        var data = attribute.Data;
        var pool = c.ConstantPool;
        int count = U2(data, 0), p = 2;
        var parts = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            string text = pool.GetString(new Utf8Handle(U2(data, p))) + ":" + pool.GetString(new Utf8Handle(U2(data, p + 2)));
            int attributes = U2(data, p + 4);
            p += 6;
            for (int j = 0; j < attributes; j++)
            {
                var attributeName = pool.GetString(new Utf8Handle(U2(data, p)));
                int length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data[(p + 2)..]);
                if (attributeName == "Signature") text += "<" + pool.GetString(new Utf8Handle(U2(data, p + 6))) + ">";
                p += 6 + length;
            }
            parts.Add(text);
        }
        return "[" + string.Join(", ", parts) + "]";
    }

    private static int U2(ReadOnlySpan<byte> data, int at)
    {
        if (at + 2 > data.Length) throw new ClassFormatException(at, "a complete attribute");
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
    }

    private static void Fields(JavaClass a, JavaClass b, List<ShapeDifference> found)
    {
        var fa = Members(a.Fields, ":");
        var fb = Members(b.Fields, ":");
        var added = fb.Select(f => f.Key).Except(fa.Select(f => f.Key)).ToList();
        var removed = fa.Select(f => f.Key).Except(fb.Select(f => f.Key)).ToList();
        if (added.Count > 0) found.Add(new(ShapeChangeKind.Schema, "field(s) added: " + string.Join(", ", added)));
        if (removed.Count > 0) found.Add(new(ShapeChangeKind.Schema, "field(s) removed: " + string.Join(", ", removed)));
        if (added.Count > 0 || removed.Count > 0) return;
        // Same set: HotSpot walks both lists by position, so a reorder or a modifier change fails too.
        for (int i = 0; i < fa.Count; i++)
        {
            if (fa[i].Key != fb[i].Key) { found.Add(new(ShapeChangeKind.Schema, $"field order changed at #{i}: {fa[i].Key} → {fb[i].Key}")); return; }
            if (fa[i].Flags != fb[i].Flags)
                found.Add(new(ShapeChangeKind.Schema, $"field {fa[i].Key} modifiers 0x{fa[i].Flags:X4} → 0x{fb[i].Flags:X4}"));
        }
    }

    private static void Methods(JavaClass a, JavaClass b, List<ShapeDifference> found)
    {
        var ma = Members(a.Methods, "");
        var mb = Members(b.Methods, "").ToDictionary(m => m.Key, m => m.Flags, StringComparer.Ordinal);
        var before = ma.ToDictionary(m => m.Key, m => m.Flags, StringComparer.Ordinal);
        var added = mb.Keys.Where(k => !before.ContainsKey(k)).ToList();
        var deleted = before.Keys.Where(k => !mb.ContainsKey(k)).ToList();
        if (added.Count > 0) found.Add(new(ShapeChangeKind.MethodAdded, "method(s) added: " + string.Join(", ", added)));
        if (deleted.Count > 0) found.Add(new(ShapeChangeKind.MethodDeleted, "method(s) deleted: " + string.Join(", ", deleted)));
        foreach (var (key, flags) in before)
            if (mb.TryGetValue(key, out var now) && (flags & RecognizedMethodModifiers) != (now & RecognizedMethodModifiers))
                found.Add(new(ShapeChangeKind.MethodModifiers, $"method {key} modifiers 0x{flags:X4} → 0x{now:X4}"));
    }

    /// <summary>Each member as name + separator + descriptor (<c>counter:I</c>, <c>value()I</c>) with its access flags.</summary>
    private static List<(string Key, int Flags)> Members(MemberCollection members, string separator)
    {
        var list = new List<(string, int)>(members.Count);
        foreach (var m in members) list.Add((m.NameString + separator + m.DescriptorString, (int)m.AccessFlags));
        return list;
    }
}
