using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace BytecodeLint.ClassFile;

/// <summary>
/// Bounds-checked big-endian reads at absolute offsets. Every read that would run past the end
/// throws <see cref="ClassFormatException"/> naming the offset, never an index exception.
/// </summary>
internal static class ByteReader
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte U1(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        if ((uint)offset >= (uint)bytes.Length) throw Truncated(bytes.Length, offset, 1, what);
        return bytes[offset];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort U2(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        if ((uint)offset > (uint)(bytes.Length - 2) || bytes.Length < 2) throw Truncated(bytes.Length, offset, 2, what);
        return BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int S4(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        if ((uint)offset > (uint)(bytes.Length - 4) || bytes.Length < 4) throw Truncated(bytes.Length, offset, 4, what);
        return BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(offset));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint U4(ReadOnlySpan<byte> bytes, int offset, string what) => (uint)S4(bytes, offset, what);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong U8(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        if ((uint)offset > (uint)(bytes.Length - 8) || bytes.Length < 8) throw Truncated(bytes.Length, offset, 8, what);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(offset));
    }

    /// <summary>
    /// <see cref="U2(ReadOnlySpan{byte}, int, string)"/> whose description is <paramref name="what"/> +
    /// <paramref name="part"/>, joined only when the read fails: the table walks of every class call
    /// this per entry, and building the text eagerly was most of the reader's allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort U2(ReadOnlySpan<byte> bytes, int offset, string what, string part)
    {
        if ((uint)offset > (uint)(bytes.Length - 2) || bytes.Length < 2) throw Truncated(bytes.Length, offset, 2, what + part);
        return BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset));
    }

    /// <summary><see cref="U4(ReadOnlySpan{byte}, int, string)"/> with a description joined only on failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint U4(ReadOnlySpan<byte> bytes, int offset, string what, string part)
    {
        if ((uint)offset > (uint)(bytes.Length - 4) || bytes.Length < 4) throw Truncated(bytes.Length, offset, 4, what + part);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(offset));
    }

    /// <summary><see cref="Require(ReadOnlySpan{byte}, int, long, string)"/> with a description joined only on failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Require(ReadOnlySpan<byte> bytes, int offset, long length, string what, string part)
    {
        if (offset < 0 || length < 0 || offset + length > bytes.Length) throw Truncated(bytes.Length, offset, length, what + part);
    }

    /// <summary>Checks that <paramref name="length"/> bytes are available at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Require(ReadOnlySpan<byte> bytes, int offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset + length > bytes.Length) throw Truncated(bytes.Length, offset, length, what);
    }

    // The span may end before the class file does (an attribute's payload), and a read may start past
    // its end; the reported offset is clamped to where the data ends, so it always lies inside the file.
    private static ClassFormatException Truncated(int end, int offset, long length, string what)
    {
        string size = $"{length} byte{(length == 1 ? "" : "s")}";
        return offset <= end && offset >= 0
            ? new(offset, $"{what} ({size}), but the data ends first")
            : new(Math.Max(0, end), $"{what} ({size}) at offset {offset}, but the data ends at {end}");
    }
}
