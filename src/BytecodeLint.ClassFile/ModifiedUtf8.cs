using System.Text;

namespace BytecodeLint.ClassFile;

/// <summary>
/// The JVM's modified UTF-8 (JVMS §4.4.7): no zero bytes, no 4-byte forms, U+0000 as C0 80 and
/// supplementary characters as two 3-byte surrogates. Decoding maps each 1–3 byte group to one
/// UTF-16 code unit, so surrogate pairs come out as the .NET string's own surrogate pairs.
/// </summary>
public static class ModifiedUtf8
{
    /// <summary>Returns the index of the first byte that breaks the encoding, or -1 if the span is valid.</summary>
    public static int FindInvalidByte(ReadOnlySpan<byte> bytes)
    {
        // Fast path: pure ASCII without NUL, which is nearly every name in real class files (this runs
        // once per Utf8 constant of every class read). Most constants are short, where a plain loop
        // beats setting up a vectorised search (7 % of an inspect's samples went to that set-up).
        int first = 0;
        if (bytes.Length >= 32)
        {
            first = bytes.IndexOfAnyExceptInRange((byte)1, (byte)0x7F);
            if (first < 0) return -1;
        }
        else
        {
            while (first < bytes.Length && (uint)(bytes[first] - 1) < 0x7F) first++;
            if (first == bytes.Length) return -1;
        }

        for (int i = first; i < bytes.Length;)
        {
            byte b = bytes[i];
            if (b == 0) return i;
            if (b < 0x80) { i++; continue; }
            if ((b & 0xE0) == 0xC0)
            {
                if (i + 1 >= bytes.Length || (bytes[i + 1] & 0xC0) != 0x80) return i;
                i += 2;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                if (i + 2 >= bytes.Length || (bytes[i + 1] & 0xC0) != 0x80 || (bytes[i + 2] & 0xC0) != 0x80) return i;
                i += 3;
            }
            else
            {
                return i; // continuation byte out of place, or a 4-byte lead (0xF0..0xFF)
            }
        }
        return -1;
    }

    /// <summary>Decodes bytes already validated by <see cref="FindInvalidByte"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0)
            return Encoding.ASCII.GetString(bytes);
        return string.Create(CountChars(bytes), bytes.ToArray(), static (chars, src) =>
        {
            int c = 0;
            for (int i = 0; i < src.Length;)
            {
                byte b = src[i];
                if (b < 0x80) { chars[c++] = (char)b; i++; }
                else if ((b & 0xE0) == 0xC0) { chars[c++] = (char)(((b & 0x1F) << 6) | (src[i + 1] & 0x3F)); i += 2; }
                else { chars[c++] = (char)(((b & 0x0F) << 12) | ((src[i + 1] & 0x3F) << 6) | (src[i + 2] & 0x3F)); i += 3; }
            }
        });
    }

    private static int CountChars(ReadOnlySpan<byte> bytes)
    {
        int n = 0;
        foreach (byte b in bytes)
            if ((b & 0xC0) != 0x80) n++;
        return n;
    }

    /// <summary>Encodes a string as modified UTF-8 (used to compare names without decoding the pool).</summary>
    public static byte[] Encode(string value)
    {
        var result = new List<byte>(value.Length);
        foreach (char ch in value)
        {
            if (ch is >= '\u0001' and <= '\u007F') result.Add((byte)ch);
            else if (ch <= '\u07FF') { result.Add((byte)(0xC0 | (ch >> 6))); result.Add((byte)(0x80 | (ch & 0x3F))); }
            else
            {
                result.Add((byte)(0xE0 | (ch >> 12)));
                result.Add((byte)(0x80 | ((ch >> 6) & 0x3F)));
                result.Add((byte)(0x80 | (ch & 0x3F)));
            }
        }
        return result.ToArray();
    }
}
