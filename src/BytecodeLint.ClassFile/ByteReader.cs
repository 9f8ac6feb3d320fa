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
        if ((uint)offset >= (uint)bytes.Length) throw Truncated(offset, 1, what);
        return bytes[offset];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort U2(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        if ((uint)offset > (uint)(bytes.Length - 2) || bytes.Length < 2) throw Truncated(offset, 2, what);
        return BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(offset));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int S4(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        if ((uint)offset > (uint)(bytes.Length - 4) || bytes.Length < 4) throw Truncated(offset, 4, what);
        return BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(offset));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint U4(ReadOnlySpan<byte> bytes, int offset, string what) => (uint)S4(bytes, offset, what);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong U8(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        if ((uint)offset > (uint)(bytes.Length - 8) || bytes.Length < 8) throw Truncated(offset, 8, what);
        return BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(offset));
    }

    /// <summary>Checks that <paramref name="length"/> bytes are available at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Require(ReadOnlySpan<byte> bytes, int offset, long length, string what)
    {
        if (offset < 0 || length < 0 || offset + length > bytes.Length) throw Truncated(offset, length, what);
    }

    private static ClassFormatException Truncated(int offset, long length, string what) =>
        new(offset, $"{what} ({length} byte{(length == 1 ? "" : "s")}), but the class file ends first");
}
