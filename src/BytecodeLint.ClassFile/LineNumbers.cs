namespace BytecodeLint.ClassFile;

/// <summary>Source-line lookups over a method's LineNumberTable attributes.</summary>
public static class LineNumbers
{
    /// <summary>
    /// The line in effect at <paramref name="pc"/>: the entry with the greatest start_pc ≤ pc; among
    /// entries with equal start_pc the last in table order wins. -1 when no entry applies.
    /// </summary>
    public static int FindLine(this CodeAttribute code, int pc)
    {
        int bestPc = -1, line = -1;
        foreach (var attribute in code.Attributes)
        {
            if (attribute.Kind != AttributeKind.LineNumberTable) continue;
            var table = new LineNumberTable(attribute);
            for (int i = 0; i < table.Count; i++)
            {
                var (startPc, number) = table[i];
                if (startPc <= pc && startPc >= bestPc)
                {
                    bestPc = startPc;
                    line = number;
                }
            }
        }
        return line;
    }
}
