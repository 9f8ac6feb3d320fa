namespace BytecodeLint.TestUtilities;

/// <summary>
/// A growable big-endian byte buffer, the one primitive every class-file builder writes through.
/// Class files store every multi-byte number big-endian (JVMS 4.1), hence no endianness switch.
/// </summary>
public sealed class ClassFileWriter
{
    private byte[] _buffer = new byte[256];

    /// <summary>Number of bytes written so far (also the offset the next byte lands at).</summary>
    public int Length { get; private set; }

    /// <summary>Appends one byte; values must fit in 0..255 (throws otherwise, so test typos surface).</summary>
    public ClassFileWriter U1(int value)
    {
        CheckRange(value, byte.MinValue, byte.MaxValue, nameof(value));
        Reserve(1)[0] = (byte)value;
        return this;
    }

    /// <summary>Appends an unsigned 16-bit value (0..65535).</summary>
    public ClassFileWriter U2(int value)
    {
        CheckRange(value, ushort.MinValue, ushort.MaxValue, nameof(value));
        var span = Reserve(2);
        span[0] = (byte)(value >> 8);
        span[1] = (byte)value;
        return this;
    }

    /// <summary>Appends a signed 16-bit value (-32768..32767), e.g. a branch offset.</summary>
    public ClassFileWriter S2(int value)
    {
        CheckRange(value, short.MinValue, short.MaxValue, nameof(value));
        return U2(value & 0xFFFF);
    }

    /// <summary>Appends a 32-bit value (signed or unsigned bits, written as-is).</summary>
    public ClassFileWriter U4(uint value)
    {
        var span = Reserve(4);
        span[0] = (byte)(value >> 24);
        span[1] = (byte)(value >> 16);
        span[2] = (byte)(value >> 8);
        span[3] = (byte)value;
        return this;
    }

    /// <summary>Appends a signed 32-bit value.</summary>
    public ClassFileWriter S4(int value) => U4(unchecked((uint)value));

    /// <summary>Appends a 64-bit value as two big-endian 32-bit halves (high first), as JVMS 4.4.5 stores long/double.</summary>
    public ClassFileWriter U8(ulong value) => U4((uint)(value >> 32)).U4((uint)value);

    /// <summary>Appends raw bytes.</summary>
    public ClassFileWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        return this;
    }

    /// <summary>Appends <paramref name="count"/> zero bytes.</summary>
    public ClassFileWriter Zeros(int count)
    {
        Reserve(count).Clear();
        return this;
    }

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    internal static void CheckRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"must be in {min}..{max}");
    }
}
