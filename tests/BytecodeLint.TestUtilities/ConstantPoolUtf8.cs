namespace BytecodeLint.TestUtilities;

/// <summary>
/// The JVM's "modified UTF-8" (JVMS 4.4.7): like UTF-8 except that U+0000 is written as the two
/// bytes C0 80 and characters outside the BMP are written as their UTF-16 surrogate pair, each
/// surrogate encoded separately in three bytes (six bytes in all, never the 4-byte UTF-8 form).
/// </summary>
public static class ConstantPoolUtf8
{
    /// <summary>Encodes <paramref name="value"/> one UTF-16 code unit at a time, which yields exactly the surrogate-pair form.</summary>
    public static byte[] Encode(string value)
    {
        var writer = new ClassFileWriter();
        foreach (var c in value)
        {
            if (c != 0 && c <= 0x7F)
            {
                writer.U1(c);
            }
            else if (c <= 0x7FF)   // includes U+0000 -> C0 80
            {
                writer.U1(0xC0 | (c >> 6)).U1(0x80 | (c & 0x3F));
            }
            else
            {
                writer.U1(0xE0 | (c >> 12)).U1(0x80 | ((c >> 6) & 0x3F)).U1(0x80 | (c & 0x3F));
            }
        }
        return writer.ToArray();
    }
}
