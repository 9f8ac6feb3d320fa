namespace BytecodeLint.Analysis.Inventory;

/// <summary>
/// The <c>thr_line_hash</c> term of one Throwable handler: FNV-1a-64 over the UTF-8 bytes of
/// <c>&lt;this_class&gt;.&lt;name&gt;&lt;descriptor&gt;#&lt;k&gt;:&lt;line&gt;</c>, encoded the way Java's
/// <c>String.getBytes(UTF_8)</c> does (a lone surrogate becomes <c>?</c>), so names that are not valid
/// UTF-16 hash the same as in PeerScan.
/// </summary>
public static class HandlerLineHash
{
    private const ulong OffsetBasis = 0xcbf29ce484222325UL;
    private const ulong Prime = 0x100000001b3UL;

    /// <summary>The hash term; <paramref name="line"/> null stands for a handler pc that is not an instruction start ("unvisited").</summary>
    public static ulong Of(string className, string methodName, string descriptor, int handlerIndex, int? line)
    {
        string text = $"{className}.{methodName}{descriptor}#{handlerIndex}:{(line is int l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unvisited")}";
        return Fnv1a64JavaUtf8(text);
    }

    /// <summary>FNV-1a-64 of the string's bytes in Java's UTF-8 encoding.</summary>
    public static ulong Fnv1a64JavaUtf8(string text)
    {
        ulong hash = OffsetBasis;
        Span<byte> buffer = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int n;
            if (c < 0x80) { buffer[0] = (byte)c; n = 1; }
            else if (c < 0x800) { buffer[0] = (byte)(0xC0 | (c >> 6)); buffer[1] = (byte)(0x80 | (c & 0x3F)); n = 2; }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, text[++i]);
                buffer[0] = (byte)(0xF0 | (cp >> 18));
                buffer[1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                buffer[2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                buffer[3] = (byte)(0x80 | (cp & 0x3F));
                n = 4;
            }
            else if (char.IsSurrogate(c)) { buffer[0] = (byte)'?'; n = 1; }
            else { buffer[0] = (byte)(0xE0 | (c >> 12)); buffer[1] = (byte)(0x80 | ((c >> 6) & 0x3F)); buffer[2] = (byte)(0x80 | (c & 0x3F)); n = 3; }
            for (int b = 0; b < n; b++)
            {
                hash ^= buffer[b];
                hash *= Prime;
            }
        }
        return hash;
    }
}
