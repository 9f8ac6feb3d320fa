using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// What a <c>ConstMethod</c> clone copies (research §4.3–4.4): code length C, the inline tables E
/// (compressed line numbers, checked exceptions, local variables, exception table, generic
/// signature, MethodParameters), the StackMapTable, and the annotation arrays HotSpot keeps.
/// </summary>
public sealed record MethodShape(int CodeLength, int InlineTableBytes, int StackMapTableLength, int AnnotationKinds, IReadOnlyList<int> AnnotationLengths)
{
    /// <summary>Reads the shape of a method with code; null for abstract/native methods.</summary>
    public static MethodShape? From(MemberInfo method)
    {
        if (method.GetCode() is not { } code) return null;
        int lnt = 0, lvt = 0;
        bool hasLnt = false;
        var lines = new List<(int Pc, int Line)>();
        foreach (var attribute in code.Attributes)
        {
            if (attribute.Kind == AttributeKind.LineNumberTable)
            {
                hasLnt = true;
                var table = new LineNumberTable(attribute);
                for (int i = 0; i < table.Count; i++) lines.Add(table[i]);
            }
            else if (attribute.Kind == AttributeKind.LocalVariableTable)
            {
                lvt += attribute.Length >= 2 ? (attribute.Data[0] << 8 | attribute.Data[1]) : 0;
            }
        }
        if (hasLnt) lnt = CompressedLineNumberBytes(lines);
        int checkedExceptions = 0, parameters = -1;
        bool signature = false;
        // ConstMethod::copy_annotations_from allocates method, parameter, type, default in that order.
        var annotationLengths = new int?[4];
        foreach (var attribute in method.Attributes)
        {
            switch (attribute.Kind)
            {
                case AttributeKind.Exceptions: checkedExceptions = AttributeReaders.ReadExceptions(attribute).Length; break;
                case AttributeKind.Signature: signature = true; break;
                case AttributeKind.MethodParameters: parameters = attribute.Length >= 1 ? attribute.Data[0] : 0; break;
                case AttributeKind.RuntimeVisibleAnnotations: annotationLengths[0] = attribute.Length; break;
                case AttributeKind.RuntimeVisibleParameterAnnotations: annotationLengths[1] = attribute.Length; break;
                case AttributeKind.RuntimeVisibleTypeAnnotations: annotationLengths[2] = attribute.Length; break;
                case AttributeKind.AnnotationDefault: annotationLengths[3] = attribute.Length; break;
            }
        }
        int handlers = code.ExceptionHandlerCount;
        int inline = lnt
            + (checkedExceptions > 0 ? 2 + 2 * checkedExceptions : 0)
            + (lvt > 0 ? 2 + 12 * lvt : 0)
            + (handlers > 0 ? 2 + 8 * handlers : 0)
            + (signature ? 2 : 0)
            + (parameters >= 0 ? 2 + 4 * parameters : 0);
        int smt = code.GetStackMapTable() is { } stackMap ? stackMap.Length : 0;
        var annotations = annotationLengths.Where(l => l is not null).Select(l => l!.Value).ToArray();
        return new MethodShape(code.CodeLength, inline, smt, annotations.Length, annotations);
    }

    /// <summary>
    /// Size of HotSpot's compressed line-number stream: a pair takes 1 byte when 0 ≤ Δbci &lt; 32 and
    /// 0 ≤ Δline &lt; 8 (and the byte is not 0xFF), else 0xFF plus two UNSIGNED5 zig-zag ints; the
    /// stream ends with a 0 byte (research §4.3).
    /// </summary>
    public static int CompressedLineNumberBytes(IReadOnlyList<(int Pc, int Line)> entries)
    {
        int bytes = 1, lastPc = 0, lastLine = 0;
        foreach (var (pc, line) in entries)
        {
            int dPc = pc - lastPc, dLine = line - lastLine;
            lastPc = pc;
            lastLine = line;
            if (dPc == 0 && dLine == 0) continue;
            if (dPc is >= 0 and < 32 && dLine is >= 0 and < 8 && ((dPc << 3) | dLine) != 0xFF) bytes += 1;
            else bytes += 1 + Unsigned5Length(ZigZag(dPc)) + Unsigned5Length(ZigZag(dLine));
        }
        return bytes;
    }

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static int Unsigned5Length(uint value)
    {
        const uint L = 192;
        int length = 1;
        while (length < 5 && value >= L)
        {
            value = (value - L) >> 6;
            length++;
        }
        return length;
    }
}
