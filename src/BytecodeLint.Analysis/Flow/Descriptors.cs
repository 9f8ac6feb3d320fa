namespace BytecodeLint.Analysis.Flow;

/// <summary>Just enough of JVMS §4.3 to move values across a call: argument slot sizes and the return size.</summary>
public static class Descriptors
{
    /// <summary>Operand-stack slots of each argument of a method descriptor, in order (2 for long/double).</summary>
    public static int[] ArgumentSlots(string methodDescriptor)
    {
        // Counted, then filled: read for every call site of every class read in depth, so no list in between.
        int count = 0;
        for (int i = 1; i < methodDescriptor.Length && methodDescriptor[i] != ')'; i = SkipType(methodDescriptor, i)) count++;
        if (count == 0) return [];
        var slots = new int[count];
        for (int i = 1, n = 0; n < count; i = SkipType(methodDescriptor, i)) slots[n++] = methodDescriptor[i] is 'J' or 'D' ? 2 : 1;
        return slots;
    }

    /// <summary>Stack slots of the return value: 0 for void, 2 for long/double, else 1.</summary>
    public static int ReturnSlots(string methodDescriptor)
    {
        int close = methodDescriptor.LastIndexOf(')');
        char r = close >= 0 && close + 1 < methodDescriptor.Length ? methodDescriptor[close + 1] : 'V';
        return r switch { 'V' => 0, 'J' or 'D' => 2, _ => 1 };
    }

    /// <summary>Stack slots of a field descriptor.</summary>
    public static int FieldSlots(string fieldDescriptor) => fieldDescriptor.Length > 0 && fieldDescriptor[0] is 'J' or 'D' ? 2 : 1;

    /// <summary>The internal names of the reference-typed arguments (<c>null</c> for primitives and arrays), in order.</summary>
    public static string?[] ArgumentClassNames(string methodDescriptor)
    {
        var names = new List<string?>(4);
        int i = 1;
        while (i < methodDescriptor.Length && methodDescriptor[i] != ')')
        {
            int next = SkipType(methodDescriptor, i);
            names.Add(methodDescriptor[i] == 'L' ? methodDescriptor.Substring(i + 1, next - i - 2) : null);
            i = next;
        }
        return [.. names];
    }

    private static int SkipType(string d, int i)
    {
        while (i < d.Length && d[i] == '[') i++;
        if (i < d.Length && d[i] == 'L')
        {
            int semicolon = d.IndexOf(';', i);
            return semicolon < 0 ? d.Length : semicolon + 1;
        }
        return i + 1;
    }
}
