using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>A constant-pool operand in a method's code: the instruction's pc, its opcode and the index.</summary>
public readonly record struct CodeReference(int Pc, Opcode Opcode, int Index);

/// <summary>
/// A method's share of the retransform model: the pool references in its code, its catch types and
/// the sizes that drive the widening cost (docs/design/hotspot.md §4: S = code length + StackMapTable attribute
/// length + LineNumberTable entries).
/// </summary>
public sealed class MethodModel
{
    public MethodModel(string name, string descriptor, bool hasCode, int codeLength, int stackMapTableLength, int lineNumberEntries,
        IReadOnlyList<CodeReference> references, IReadOnlyList<int> catchTypes, MethodShape? shape = null)
    {
        Name = name;
        Descriptor = descriptor;
        HasCode = hasCode;
        CodeLength = codeLength;
        StackMapTableLength = stackMapTableLength;
        LineNumberEntries = lineNumberEntries;
        References = references;
        CatchTypes = catchTypes;
        // Without the class file's tables, the shape knows code, stack map and a 1-byte-per-entry line table.
        Shape = shape ?? (hasCode ? new MethodShape(codeLength, lineNumberEntries > 0 ? lineNumberEntries + 1 : 0, stackMapTableLength, 0, []) : null);
    }

    public string Name { get; }

    public string Descriptor { get; }

    public bool HasCode { get; }

    public int CodeLength { get; }

    /// <summary>StackMapTable <c>attribute_length</c>, 0 when there is none.</summary>
    public int StackMapTableLength { get; }

    public int LineNumberEntries { get; }

    /// <summary>S of docs/design/hotspot.md §4 for this method.</summary>
    public long S => (long)CodeLength + StackMapTableLength + LineNumberEntries;

    public IReadOnlyList<CodeReference> References { get; }

    /// <summary>What a clone of this method copies (exception and local-variable tables, annotations, …); null without code.</summary>
    public MethodShape? Shape { get; }

    /// <summary>Exception-table catch types (0 = catch-any).</summary>
    public IReadOnlyList<int> CatchTypes { get; }

    /// <summary>Number of 1-byte <c>ldc</c> instructions.</summary>
    public int LdcCount => References.Count(r => r.Opcode == Opcode.Ldc);

    public static MethodModel From(MemberInfo method)
    {
        if (method.GetCode() is not { } code)
            return new MethodModel(method.NameString, method.DescriptorString, false, 0, 0, 0, [], []);
        var references = new List<CodeReference>();
        var pool = method.Owner.ConstantPool;
        var cursor = code.GetInstructions();
        while (cursor.MoveNext())
        {
            int index = cursor.ConstantIndex;
            if (index < 0) continue;
            // The reader does not check code operands; a merge over a dangling index would be meaningless.
            if (pool.KindAt(index) == ConstantKind.None)
                throw new ClassFormatException(code.CodeOffset + cursor.Offset + 1,
                    $"a usable constant-pool index as operand of {OpcodeInfo.Mnemonic(cursor.Opcode)} (pc {cursor.Offset}), found #{index}", index);
            references.Add(new CodeReference(cursor.Offset, cursor.Opcode, index));
        }
        var catchTypes = new int[code.ExceptionHandlerCount];
        for (int i = 0; i < catchTypes.Length; i++) catchTypes[i] = code.GetExceptionHandler(i).CatchType.Index;
        int smt = code.GetStackMapTable() is { } table ? table.Length : 0;
        return new MethodModel(method.NameString, method.DescriptorString, true, code.CodeLength, smt, code.LineNumberEntryCount, references, catchTypes,
            MethodShape.From(method));
    }

    /// <summary>
    /// <c>rewrite_cp_refs_in_method</c>: every mapped operand takes its new index; a 1-byte
    /// <c>ldc</c> whose new index is above 255 becomes <c>ldc_w</c> (one Relocator clone each, code
    /// +1 byte; research §4.1–4.2). Pcs are kept as read: nothing downstream depends on them.
    /// </summary>
    internal MethodModel Rewrite(IndexMap map, out int widened, out int patched)
    {
        widened = 0;
        patched = 0;
        if (map.Count == 0) return this;
        var references = new CodeReference[References.Count];
        for (int i = 0; i < references.Length; i++)
        {
            var reference = References[i];
            int newIndex = map.Apply(reference.Index);
            var opcode = reference.Opcode;
            if (opcode == Opcode.Ldc && newIndex > 255)
            {
                opcode = Opcode.LdcW;
                widened++;
            }
            else if (opcode == Opcode.Ldc && newIndex != reference.Index) patched++;
            references[i] = reference with { Opcode = opcode, Index = newIndex };
        }
        var catchTypes = CatchTypes.Select(c => c == 0 ? 0 : map.Apply(c)).ToArray();
        return new MethodModel(Name, Descriptor, HasCode, CodeLength + widened, StackMapTableLength, LineNumberEntries, references, catchTypes,
            Shape is null ? null : Shape with { CodeLength = Shape.CodeLength + widened });
    }
}
