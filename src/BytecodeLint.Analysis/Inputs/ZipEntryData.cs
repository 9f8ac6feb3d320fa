using System.Buffers;
using System.Buffers.Binary;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// One zip entry admitted for reading: its archive, local header offset, method and sizes, all from
/// the central directory. The local header is only looked at when the bytes are read: it lies next to
/// the data, so touching it during enumeration would cost a second cache/TLB miss per entry over a
/// 100 MB mapping. Reading is thread-safe (no shared state).
/// </summary>
internal readonly record struct ZipEntryData(ReadOnlyMemory<byte> Archive, int LocalHeaderOffset, int CompressedSize, ushort Method, int UncompressedSize)
{
    /// <summary>
    /// The bytes as a view (STORED) or a pooled buffer (DEFLATED). The location, <paramref name="locationPrefix"/>
    /// then <paramref name="entryPath"/>, is only joined for an error: joining it for every read was 4 % of a
    /// large scan's allocations.
    /// </summary>
    /// <exception cref="EntryReadException">Bad local header, data past the end, bad deflate stream, or a size other than declared.</exception>
    public EntryBytes Read(string locationPrefix, string entryPath)
    {
        var location = new EntryLocation(locationPrefix, entryPath);
        ReadOnlyMemory<byte> data = LocateData(location, out int dataOffset);
        if (Method == ZipFormat.MethodStored)
            return new EntryBytes(data, null);

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, UncompressedSize));
        try
        {
            Inflate(data, dataOffset, buffer.AsSpan(0, UncompressedSize), location);
            return new EntryBytes(buffer.AsMemory(0, UncompressedSize), buffer);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// The bytes as memory that lives as long as the artifact: a slice (STORED) or a native buffer
    /// (DEFLATED) that <paramref name="owner"/> receives and the artifact frees.
    /// </summary>
    public ReadOnlyMemory<byte> ReadToOwnedMemory(string location, out IDisposable? owner)
    {
        owner = null;
        ReadOnlyMemory<byte> data = LocateData(new EntryLocation(location, ""), out int dataOffset);
        if (Method == ZipFormat.MethodStored)
            return data;
        var buffer = new NativeBuffer(UncompressedSize);
        try
        {
            Inflate(data, dataOffset, buffer.GetSpan(), new EntryLocation(location, ""));
        }
        catch
        {
            ((IDisposable)buffer).Dispose();
            throw;
        }
        owner = buffer;
        return buffer.Memory;
    }

    /// <summary>
    /// True when the entry's first bytes are the class-file magic: for entries whose name does not say
    /// what they are (<see cref="HiddenClassFiles"/>). Inflates only the first few bytes.
    /// </summary>
    /// <exception cref="EntryReadException">Bad local header, data past the end or a bad deflate stream.</exception>
    public bool StartsWithClassMagic(string location)
    {
        ReadOnlyMemory<byte> data = LocateData(new EntryLocation(location, ""), out int dataOffset);
        if (Method == ZipFormat.MethodStored)
            return HiddenClassFiles.HasClassMagic(data.Span);
        Span<byte> head = stackalloc byte[4];
        int written;
        try
        {
            written = RawInflater.Inflate(data, head, out _);
        }
        catch (InvalidDataException e)
        {
            throw new EntryReadException(location, dataOffset, "bad deflate data: " + e.Message.TrimEnd('.'), e);
        }
        return HiddenClassFiles.HasClassMagic(head[..written]);
    }

    /// <summary>Checks the local header and returns the (compressed) data that follows it.</summary>
    private ReadOnlyMemory<byte> LocateData(EntryLocation location, out int dataOffset)
    {
        ReadOnlySpan<byte> archive = Archive.Span;
        int header = LocalHeaderOffset;
        if (ZipLayout.ReadSignature(archive, header) != ZipFormat.LocalHeaderSignature || archive.Length - header < ZipFormat.LocalHeaderSize)
            throw new EntryReadException(location.Joined, header, "bad local header signature");
        long start = (long)header + ZipFormat.LocalHeaderSize
            + BinaryPrimitives.ReadUInt16LittleEndian(archive[(header + 26)..]) + BinaryPrimitives.ReadUInt16LittleEndian(archive[(header + 28)..]);
        if (start + CompressedSize > archive.Length)
            throw new EntryReadException(location.Joined, header,
                $"entry data ({CompressedSize} bytes at offset {start}) runs past the end of the archive ({archive.Length} bytes)");
        dataOffset = (int)start;
        return Archive.Slice(dataOffset, CompressedSize);
    }

    private void Inflate(ReadOnlyMemory<byte> data, int dataOffset, Span<byte> destination, EntryLocation location)
    {
        int written;
        bool overflow;
        try
        {
            written = RawInflater.Inflate(data, destination, out overflow);
        }
        catch (InvalidDataException e)
        {
            throw new EntryReadException(location.Joined, dataOffset, "bad deflate data: " + e.Message.TrimEnd('.'), e);
        }

        if (overflow)
            throw new EntryReadException(location.Joined, dataOffset, $"inflates to more than its declared size of {UncompressedSize} bytes");
        if (written != UncompressedSize)
            throw new EntryReadException(location.Joined, dataOffset, $"inflates to {written} bytes, not its declared size of {UncompressedSize} (truncated data?)");
    }
}

/// <summary>An entry's location in two parts, joined only when an error names it.</summary>
internal readonly record struct EntryLocation(string Prefix, string Path)
{
    public string Joined => Prefix + Path;
}
