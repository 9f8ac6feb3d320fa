using System.Buffers.Binary;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// One central-directory record. Sizes and the local-header offset come from the central directory
/// (never from the local header, which holds zeros when a data descriptor follows the data);
/// <see cref="ResolveZip64"/> replaces saturated 32-bit fields by their zip64 extra-field values.
/// </summary>
internal struct ZipEntryRecord
{
    /// <summary>Offset of the record in the archive's bytes.</summary>
    public int RecordOffset;
    public ushort Flags;
    public ushort Method;
    public ulong CompressedSize;
    public ulong UncompressedSize;
    /// <summary>Offset of the local header relative to the zip start (add the layout's base offset).</summary>
    public ulong LocalHeaderOffset;
    public int NameOffset;
    public int NameLength;
    public int ExtraOffset;
    public int ExtraLength;

    /// <summary>Reads the record at <paramref name="offset"/>, which must lie before <paramref name="end"/>; returns the offset after it.</summary>
    public static bool TryRead(ReadOnlySpan<byte> zip, int offset, int end, out ZipEntryRecord record, out int next, out string error)
    {
        record = default;
        next = offset;
        if (end - offset < ZipFormat.CentralHeaderSize || ZipLayout.ReadSignature(zip, offset) != ZipFormat.CentralHeaderSignature)
        {
            error = "bad central directory record signature";
            return false;
        }

        ReadOnlySpan<byte> h = zip.Slice(offset, ZipFormat.CentralHeaderSize);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
        long after = (long)offset + ZipFormat.CentralHeaderSize + nameLength + extraLength + commentLength;
        if (after > end)
        {
            error = "central directory record runs past the end of the central directory";
            return false;
        }

        record = new ZipEntryRecord
        {
            RecordOffset = offset,
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]),
            Method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]),
            CompressedSize = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]),
            UncompressedSize = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]),
            LocalHeaderOffset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]),
            NameOffset = offset + ZipFormat.CentralHeaderSize,
            NameLength = nameLength,
            ExtraOffset = offset + ZipFormat.CentralHeaderSize + nameLength,
            ExtraLength = extraLength,
        };
        next = (int)after;
        error = "";
        return true;
    }

    /// <summary>Reads the zip64 extended-information extra field for each 32-bit field that is 0xFFFFFFFF.</summary>
    public bool ResolveZip64(ReadOnlySpan<byte> zip, out string error)
    {
        error = "";
        bool needU = UncompressedSize == 0xFFFFFFFF, needC = CompressedSize == 0xFFFFFFFF, needL = LocalHeaderOffset == 0xFFFFFFFF;
        if (!needU && !needC && !needL)
            return true;

        ReadOnlySpan<byte> extra = zip.Slice(ExtraOffset, ExtraLength);
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            ReadOnlySpan<byte> data = extra[4..Math.Min(extra.Length, 4 + size)];
            if (id == ZipFormat.Zip64ExtraId)
            {
                // Fields appear in this fixed order, each only when its 32-bit counterpart is saturated.
                if (needU && !TakeUInt64(ref data, ref UncompressedSize) || needC && !TakeUInt64(ref data, ref CompressedSize)
                    || needL && !TakeUInt64(ref data, ref LocalHeaderOffset))
                {
                    error = "zip64 extra field too short";
                    return false;
                }

                return true;
            }

            extra = extra[Math.Min(extra.Length, 4 + size)..];
        }

        error = "sizes are 0xFFFFFFFF but there is no zip64 extra field";
        return false;
    }

    private static bool TakeUInt64(ref ReadOnlySpan<byte> data, ref ulong value)
    {
        if (data.Length < 8)
            return false;
        value = BinaryPrimitives.ReadUInt64LittleEndian(data);
        data = data[8..];
        return true;
    }
}
