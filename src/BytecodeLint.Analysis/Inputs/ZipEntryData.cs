using System.Buffers;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Where one zip entry's data lies once its headers have been checked: the compressed slice of the
/// innermost archive, its method and its declared uncompressed size. Reading is thread-safe (no shared state).
/// </summary>
internal readonly record struct ZipEntryData(ReadOnlyMemory<byte> Data, ushort Method, int UncompressedSize, int DataOffset)
{
    /// <summary>The bytes as a view (STORED) or a pooled buffer (DEFLATED).</summary>
    /// <exception cref="EntryReadException">Bad deflate stream or a size other than the declared one.</exception>
    public EntryBytes Read(string location)
    {
        if (Method == ZipFormat.MethodStored)
            return new EntryBytes(Data, null);

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, UncompressedSize));
        try
        {
            Inflate(buffer.AsSpan(0, UncompressedSize), location);
            return new EntryBytes(buffer.AsMemory(0, UncompressedSize), buffer);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The bytes as memory that lives as long as the artifact: a slice (STORED) or a fresh array (DEFLATED).</summary>
    public ReadOnlyMemory<byte> ReadToOwnedMemory(string location)
    {
        if (Method == ZipFormat.MethodStored)
            return Data;
        byte[] buffer = GC.AllocateUninitializedArray<byte>(UncompressedSize);
        Inflate(buffer, location);
        return buffer;
    }

    private void Inflate(Span<byte> destination, string location)
    {
        int written;
        bool overflow;
        try
        {
            written = RawInflater.Inflate(Data, destination, out overflow);
        }
        catch (InvalidDataException e)
        {
            throw new EntryReadException(location, DataOffset, "bad deflate data: " + e.Message.TrimEnd('.'), e);
        }

        if (overflow)
            throw new EntryReadException(location, DataOffset, $"inflates to more than its declared size of {UncompressedSize} bytes");
        if (written != UncompressedSize)
            throw new EntryReadException(location, DataOffset, $"inflates to {written} bytes, not its declared size of {UncompressedSize} (truncated data?)");
    }
}
