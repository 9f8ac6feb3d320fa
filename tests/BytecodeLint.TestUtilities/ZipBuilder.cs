using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BytecodeLint.TestUtilities;

/// <summary>How a <see cref="ZipBuilder"/> entry's data is stored.</summary>
public enum ZipMethod : ushort
{
    Stored = 0,
    Deflated = 8,
}

/// <summary>Per-entry knobs of <see cref="ZipBuilder"/>, including deliberate lies for corruption tests.</summary>
public sealed record ZipEntryOptions
{
    /// <summary>Write sizes and CRC in a data descriptor after the data (flag bit 3) and zeros in the local header.</summary>
    public bool DataDescriptor { get; init; }

    /// <summary>Method number written to the headers instead of the real one (the data stays as produced).</summary>
    public ushort? DeclaredMethod { get; init; }

    /// <summary>Uncompressed size written to the central directory instead of the real one.</summary>
    public ulong? DeclaredUncompressedSize { get; init; }

    /// <summary>Compressed size written to the central directory instead of the real one.</summary>
    public ulong? DeclaredCompressedSize { get; init; }

    /// <summary>Bytes stored as the entry's (compressed) data instead of the real ones.</summary>
    public byte[]? RawData { get; init; }

    /// <summary>Local header signature written instead of PK\3\4.</summary>
    public uint? LocalSignature { get; init; }

    /// <summary>Local header offset written to the central directory instead of the real one.</summary>
    public ulong? DeclaredLocalHeaderOffset { get; init; }

    /// <summary>General-purpose flags OR-ed into both headers (e.g. 1 = encrypted).</summary>
    public ushort ExtraFlags { get; init; }
}

/// <summary>
/// A hand-written zip writer for tests that need full control over the bytes: STORED or DEFLATED
/// entries, data descriptors, zip64 records forced on, bytes prepended (jmod <c>JM\1\0</c>, SFX stubs),
/// an archive comment, and per-entry lies (sizes, method, signatures, offsets).
/// </summary>
public sealed class ZipBuilder
{
    private readonly List<(string Name, byte[] Data, ZipMethod Method, ZipEntryOptions Options)> _entries = [];
    private byte[] _prefix = [];
    private bool _prefixInOffsets;
    private string _comment = "";
    private bool _zip64;
    private int _zip64ExtensibleBytes;

    /// <summary>Adds a file entry (DEFLATED unless told otherwise).</summary>
    public ZipBuilder Add(string name, byte[] data, ZipMethod method = ZipMethod.Deflated, ZipEntryOptions? options = null)
    {
        _entries.Add((name, data, method, options ?? new ZipEntryOptions()));
        return this;
    }

    /// <summary>Adds a UTF-8 text file entry.</summary>
    public ZipBuilder AddText(string name, string text, ZipMethod method = ZipMethod.Deflated) => Add(name, Encoding.UTF8.GetBytes(text), method);

    /// <summary>Adds a directory entry (name should end with '/').</summary>
    public ZipBuilder AddDirectory(string name) => Add(name, [], ZipMethod.Stored);

    /// <summary>
    /// Puts bytes before the zip. When <paramref name="countedInOffsets"/> is false (jmod style) the
    /// zip's offsets stay relative to its own start; when true (adjusted SFX) they count the prefix.
    /// </summary>
    public ZipBuilder Prepend(byte[] prefix, bool countedInOffsets = false)
    {
        _prefix = prefix;
        _prefixInOffsets = countedInOffsets;
        return this;
    }

    /// <summary>Sets the archive comment.</summary>
    public ZipBuilder Comment(string comment)
    {
        _comment = comment;
        return this;
    }

    /// <summary>Writes zip64 extra fields, the zip64 end record and locator, and saturated 32-bit fields, whatever the sizes.</summary>
    public ZipBuilder ForceZip64(bool on = true)
    {
        _zip64 = on;
        return this;
    }

    /// <summary>Appends this many bytes of "extensible data" to the zip64 end record, so it no longer sits right before the locator.</summary>
    public ZipBuilder Zip64ExtensibleData(int bytes)
    {
        _zip64 = true;
        _zip64ExtensibleBytes = bytes;
        return this;
    }

    /// <summary>A jmod: <c>JM\1\0</c> followed by the zip, offsets relative to the zip.</summary>
    public byte[] BuildJmod() => Prepend([(byte)'J', (byte)'M', 1, 0]).Build();

    /// <summary>Writes the archive.</summary>
    public byte[] Build()
    {
        var output = new MemoryStream();
        output.Write(_prefix);
        long zipStart = _prefixInOffsets ? 0 : _prefix.Length;
        var central = new MemoryStream();
        foreach (var (name, data, method, options) in _entries)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            byte[] stored = options.RawData ?? (method == ZipMethod.Deflated ? Deflate(data) : data);
            uint crc = ZipCrc32.Compute(data);
            ushort flags = (ushort)(0x0800 | options.ExtraFlags | (options.DataDescriptor ? 0x0008 : 0));
            ushort methodNumber = options.DeclaredMethod ?? (ushort)method;
            long localOffset = output.Position - zipStart;

            // Local header.
            byte[] localExtra = _zip64 ? Zip64Extra((ulong)data.Length, (ulong)stored.Length, null) : [];
            WriteUInt32(output, options.LocalSignature ?? 0x04034b50);
            WriteUInt16(output, _zip64 ? (ushort)45 : (ushort)20);
            WriteUInt16(output, flags);
            WriteUInt16(output, methodNumber);
            WriteUInt32(output, 0x00210000);             // 1980-01-01 00:00
            bool descriptor = options.DataDescriptor;
            WriteUInt32(output, descriptor ? 0 : crc);
            WriteUInt32(output, descriptor ? 0 : _zip64 ? 0xFFFFFFFF : (uint)stored.Length);
            WriteUInt32(output, descriptor ? 0 : _zip64 ? 0xFFFFFFFF : (uint)data.Length);
            WriteUInt16(output, (ushort)nameBytes.Length);
            WriteUInt16(output, (ushort)localExtra.Length);
            output.Write(nameBytes);
            output.Write(localExtra);
            output.Write(stored);
            if (descriptor)
            {
                WriteUInt32(output, 0x08074b50);
                WriteUInt32(output, crc);
                if (_zip64)
                {
                    WriteUInt64(output, (ulong)stored.Length);
                    WriteUInt64(output, (ulong)data.Length);
                }
                else
                {
                    WriteUInt32(output, (uint)stored.Length);
                    WriteUInt32(output, (uint)data.Length);
                }
            }

            // Central-directory record.
            ulong compressedSize = options.DeclaredCompressedSize ?? (ulong)stored.Length;
            ulong uncompressedSize = options.DeclaredUncompressedSize ?? (ulong)data.Length;
            ulong headerOffset = options.DeclaredLocalHeaderOffset ?? (ulong)localOffset;
            bool wide = _zip64 || compressedSize >= 0xFFFFFFFF || uncompressedSize >= 0xFFFFFFFF || headerOffset >= 0xFFFFFFFF;
            byte[] centralExtra = wide ? Zip64Extra(uncompressedSize, compressedSize, headerOffset) : [];
            WriteUInt32(central, 0x02014b50);
            WriteUInt16(central, 0x031E);                // made by: Unix, 3.0
            WriteUInt16(central, wide ? (ushort)45 : (ushort)20);
            WriteUInt16(central, flags);
            WriteUInt16(central, methodNumber);
            WriteUInt32(central, 0x00210000);
            WriteUInt32(central, crc);
            WriteUInt32(central, wide ? 0xFFFFFFFF : (uint)compressedSize);
            WriteUInt32(central, wide ? 0xFFFFFFFF : (uint)uncompressedSize);
            WriteUInt16(central, (ushort)nameBytes.Length);
            WriteUInt16(central, (ushort)centralExtra.Length);
            WriteUInt16(central, 0);                     // comment length
            WriteUInt16(central, 0);                     // disk
            WriteUInt16(central, 0);                     // internal attributes
            WriteUInt32(central, name.EndsWith('/') ? 0x41ED0010u : 0x81A40000u);
            WriteUInt32(central, wide ? 0xFFFFFFFF : (uint)headerOffset);
            central.Write(nameBytes);
            central.Write(centralExtra);
        }

        long directoryOffset = output.Position - zipStart;
        central.Position = 0;
        central.CopyTo(output);
        long directorySize = central.Length;
        if (_zip64)
        {
            long recordOffset = output.Position - zipStart;
            WriteUInt32(output, 0x06064b50);
            WriteUInt64(output, 44 + (ulong)_zip64ExtensibleBytes);
            WriteUInt16(output, 45);
            WriteUInt16(output, 45);
            WriteUInt32(output, 0);
            WriteUInt32(output, 0);
            WriteUInt64(output, (ulong)_entries.Count);
            WriteUInt64(output, (ulong)_entries.Count);
            WriteUInt64(output, (ulong)directorySize);
            WriteUInt64(output, (ulong)directoryOffset);
            output.Write(new byte[_zip64ExtensibleBytes]);
            WriteUInt32(output, 0x07064b50);
            WriteUInt32(output, 0);
            WriteUInt64(output, (ulong)recordOffset);
            WriteUInt32(output, 1);
        }

        byte[] comment = Encoding.UTF8.GetBytes(_comment);
        WriteUInt32(output, 0x06054b50);
        WriteUInt16(output, 0);
        WriteUInt16(output, 0);
        WriteUInt16(output, _zip64 ? (ushort)0xFFFF : (ushort)_entries.Count);
        WriteUInt16(output, _zip64 ? (ushort)0xFFFF : (ushort)_entries.Count);
        WriteUInt32(output, _zip64 ? 0xFFFFFFFF : (uint)directorySize);
        WriteUInt32(output, _zip64 ? 0xFFFFFFFF : (uint)directoryOffset);
        WriteUInt16(output, (ushort)comment.Length);
        output.Write(comment);
        return output.ToArray();
    }

    /// <summary>Raw DEFLATE (no zlib header), as zip method 8 stores it.</summary>
    public static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(data);
        return output.ToArray();
    }

    private static byte[] Zip64Extra(ulong uncompressed, ulong compressed, ulong? offset)
    {
        var extra = new MemoryStream();
        WriteUInt16(extra, 0x0001);
        WriteUInt16(extra, (ushort)(offset == null ? 16 : 24));
        WriteUInt64(extra, uncompressed);
        WriteUInt64(extra, compressed);
        if (offset is { } o)
            WriteUInt64(extra, o);
        return extra.ToArray();
    }

    private static void WriteUInt16(Stream s, ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        s.Write(b);
    }

    private static void WriteUInt32(Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        s.Write(b);
    }

    private static void WriteUInt64(Stream s, ulong v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, v);
        s.Write(b);
    }
}
