using System.IO.Compression;
using System.Runtime.InteropServices;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// The one place that inflates raw DEFLATE data (zip method 8). Everything else calls
/// <see cref="Inflate"/>, so a faster inflater (reused per-thread zlib state) can replace this body alone.
/// </summary>
internal static class RawInflater
{
    /// <summary>
    /// Inflates <paramref name="source"/> into <paramref name="destination"/> until it is full or the
    /// stream ends. Returns the number of bytes written; <paramref name="overflow"/> tells whether the
    /// stream would have produced more than fits, i.e. the declared size is too small.
    /// Never writes past <paramref name="destination"/>, so a lying size cannot make it allocate or work more.
    /// </summary>
    /// <exception cref="InvalidDataException">The data is not a valid DEFLATE stream.</exception>
    public static unsafe int Inflate(ReadOnlyMemory<byte> source, Span<byte> destination, out bool overflow)
    {
        if (MemoryMarshal.TryGetArray(source, out ArraySegment<byte> array))
        {
            using var input = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false);
            return Inflate(input, destination, out overflow);
        }

        using var pin = source.Pin();
        using var unmanaged = new UnmanagedMemoryStream((byte*)pin.Pointer, source.Length);
        return Inflate(unmanaged, destination, out overflow);
    }

    private static int Inflate(Stream input, Span<byte> destination, out bool overflow)
    {
        using var deflate = new DeflateStream(input, CompressionMode.Decompress, leaveOpen: true);
        int written = 0;
        while (written < destination.Length)
        {
            int n = deflate.Read(destination[written..]);
            if (n == 0)
                break;
            written += n;
        }

        Span<byte> probe = stackalloc byte[1];
        overflow = written == destination.Length && deflate.Read(probe) != 0;
        return written;
    }
}
