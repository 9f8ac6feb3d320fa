namespace BytecodeLint.Metaspace.Reading;

/// <summary>Finds the GC cause in a collection line of any collector and JDK.</summary>
public static class GcCauseText
{
    // G1 prints the pause type in parentheses before the cause: "Pause Young (Concurrent Start) (Metadata GC Threshold)".
    private static readonly HashSet<string> PauseTypes = new(StringComparer.Ordinal)
    {
        "Normal", "Concurrent Start", "Prepare Mixed", "Mixed", "Young", "young", "Full", "Remark", "Cleanup",
        "initial-mark", "mixed", "to-space exhausted", "to-space overflow",
    };

    /// <summary>
    /// The cause of a unified-logging collection message (text after <c>GC(n) </c>), e.g.
    /// "Pause Full (System.gc()) 6M->2M(14M) 15.560ms" → "System.gc()". Null when the line is not a collection.
    /// </summary>
    public static string? FromUnified(string afterGcId)
    {
        if (!(afterGcId.StartsWith("Pause ", StringComparison.Ordinal)
              || afterGcId.StartsWith("Garbage Collection", StringComparison.Ordinal)
              || afterGcId.StartsWith("Major Collection", StringComparison.Ordinal)
              || afterGcId.StartsWith("Minor Collection", StringComparison.Ordinal)))
            return null;
        string? cause = null;
        foreach (var group in BalancedGroups(afterGcId, 0))
        {
            if (group.Length > 0 && !char.IsAsciiDigit(group[0]) && !PauseTypes.Contains(group) && group.Any(char.IsLetter))
                cause = group;
        }
        return cause;
    }

    /// <summary>
    /// The cause of a JDK 8 collection record: "[Full GC (Metadata GC Threshold) [PSYoungGen…" →
    /// "Metadata GC Threshold". Null when the message holds no collection record.
    /// </summary>
    public static string? FromJdk8(string message, out int recordStart)
    {
        foreach (var head in new[] { "[Full GC (", "[GC pause (", "[GC (" })
        {
            recordStart = message.IndexOf(head, StringComparison.Ordinal);
            if (recordStart >= 0)
                return BalancedGroups(message, recordStart + head.Length - 1).FirstOrDefault();
        }
        recordStart = -1;
        return null;
    }

    /// <summary>The contents of the top-level parenthesised groups from <paramref name="from"/> on, nesting respected.</summary>
    private static IEnumerable<string> BalancedGroups(string text, int from)
    {
        var depth = 0;
        var start = -1;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
            {
                if (depth++ == 0)
                    start = i + 1;
            }
            else if (c == ')' && depth > 0 && --depth == 0)
            {
                yield return text[start..i];
            }
        }
    }
}
