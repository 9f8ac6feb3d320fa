using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

public class ModifiedUtf8Tests
{
    [Fact]
    public void Nul_as_C0_80_and_supplementary_characters_as_surrogate_pairs_decode()
    {
        var cls = new ClassBuilder("p/U");
        int nul = cls.Pool.Utf8Raw([0x61, 0xC0, 0x80, 0x62]);
        // U+1F600 as two 3-byte surrogates D83D DE00
        int emoji = cls.Pool.Utf8Raw([0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]);
        int mixed = cls.Pool.Utf8("é€x");
        var pool = JavaClass.Parse(cls.ToArray()).ConstantPool;

        Assert.Equal("a\0b", pool.GetString(pool.AsUtf8(nul)));
        Assert.Equal("😀", pool.GetString(pool.AsUtf8(emoji)));
        Assert.Equal("é€x", pool.GetString(pool.AsUtf8(mixed)));
        Assert.True(pool.Utf8Equals(pool.AsUtf8(mixed), [0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0x78]));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 }, 1)]               // a raw zero byte
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, 0)]         // 4-byte UTF-8 form
    [InlineData(new byte[] { 0x61, 0xC3 }, 1)]                     // 2-byte sequence cut off
    [InlineData(new byte[] { 0xE2, 0x82 }, 0)]                     // 3-byte sequence cut off
    [InlineData(new byte[] { 0xE2, 0x41, 0x82 }, 0)]               // bad continuation
    [InlineData(new byte[] { 0x61, 0x62, 0x80 }, 2)]               // lone continuation byte
    [InlineData(new byte[] { 0xC3, 0xA9, 0xFF }, 2)]               // 0xFF never appears
    [InlineData(new byte[] { 0xC3, 0xA9, 0x00 }, 2)]               // zero after non-ASCII
    public void Bad_modified_utf8_is_rejected_at_the_bad_byte(byte[] payload, int badIndex)
    {
        Assert.Equal(badIndex, ModifiedUtf8.FindInvalidByte(payload));
        var cls = new ClassBuilder("p/U");
        int index = cls.Pool.Utf8Raw(payload);
        var bytes = cls.ToArray();
        int entry = ConstantPoolTests.OffsetOfEntry(bytes, index);
        var e = Assert.Throws<ClassFormatException>(() => JavaClass.Parse(bytes));
        Assert.Equal(entry + 3 + badIndex, e.Offset);
        Assert.Equal(index, e.ConstantIndex);
    }

    /// <summary>Short constants are checked by a plain loop, long ones (32 bytes and more) by a vectorised search: both find the same byte.</summary>
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(200)]
    public void Bad_bytes_are_found_at_every_position_in_short_and_long_constants(int length)
    {
        var ascii = Enumerable.Repeat((byte)'a', length).ToArray();
        Assert.Equal(-1, ModifiedUtf8.FindInvalidByte(ascii));
        foreach (int at in new[] { 0, length / 2, length - 1 })
            foreach (byte bad in new byte[] { 0x00, 0x80, 0xFF })
            {
                var payload = (byte[])ascii.Clone();
                payload[at] = bad;
                Assert.Equal(at, ModifiedUtf8.FindInvalidByte(payload));
            }
        var withTwoByte = (byte[])ascii.Clone();
        withTwoByte[length - 2] = 0xC3;
        withTwoByte[length - 1] = 0xA9;
        Assert.Equal(-1, ModifiedUtf8.FindInvalidByte(withTwoByte));
    }

    [Fact]
    public void Encode_round_trips_through_decode()
    {
        foreach (var text in new[] { "", "abc", "\0", "é", "€", "😀", "a\0😀é€z" })
        {
            var encoded = ModifiedUtf8.Encode(text);
            Assert.Equal(ConstantPoolUtf8.Encode(text), encoded); // the builder's independent encoder
            Assert.Equal(-1, ModifiedUtf8.FindInvalidByte(encoded));
            Assert.Equal(text, ModifiedUtf8.Decode(encoded));
            Assert.DoesNotContain((byte)0, encoded);
        }
    }
}
