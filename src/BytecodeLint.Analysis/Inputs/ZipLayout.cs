using System.Buffers.Binary;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Where the central directory of a zip lies, found from the end-of-central-directory record the way
/// PeerScan (and java.util.zip) does: search backwards over the last 64 KiB + 22 bytes, prefer the
/// zip64 record when a 32-bit field is saturated, and derive <see cref="BaseOffset"/> (bytes prepended
/// before the zip, 4 for a jmod's <c>JM\1\0</c>) from the directory's declared size and offset.
/// </summary>
internal readonly record struct ZipLayout(int BaseOffset, int DirectoryStart, int DirectoryEnd)
{
    /// <summary>Locates the central directory, or returns false with the reason and the byte offset it concerns.</summary>
    public static bool TryLocate(ReadOnlySpan<byte> zip, out ZipLayout layout, out string error, out long errorOffset)
    {
        layout = default;
        errorOffset = 0;
        int eocd = FindEndOfCentralDirectory(zip);
        if (eocd < 0)
        {
            error = "not a zip archive: end of central directory record not found";
            return false;
        }

        errorOffset = eocd;
        ulong count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(eocd + 10)..]);
        ulong directorySize = BinaryPrimitives.ReadUInt32LittleEndian(zip[(eocd + 12)..]);
        ulong directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(zip[(eocd + 16)..]);
        int directoryEnd = eocd;
        if (count == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        {
            int locator = eocd - ZipFormat.Zip64LocatorSize;
            if (locator >= 0 && ReadSignature(zip, locator) == ZipFormat.Zip64LocatorSignature)
            {
                int record = FindZip64Record(zip, locator);
                if (record < 0)
                {
                    error = "zip64 end of central directory record not found";
                    errorOffset = locator;
                    return false;
                }

                directorySize = BinaryPrimitives.ReadUInt64LittleEndian(zip[(record + 40)..]);
                directoryOffset = BinaryPrimitives.ReadUInt64LittleEndian(zip[(record + 48)..]);
                directoryEnd = record;
            }
        }

        if (directorySize > (ulong)directoryEnd || directoryOffset > (ulong)directoryEnd - directorySize)
        {
            error = $"central directory (offset {directoryOffset}, size {directorySize}) does not fit before its end record at {directoryEnd}";
            return false;
        }

        int start = directoryEnd - (int)directorySize;
        layout = new ZipLayout(start - (int)directoryOffset, start, directoryEnd);
        error = "";
        return true;
    }

    private static int FindEndOfCentralDirectory(ReadOnlySpan<byte> zip)
    {
        int stop = Math.Max(0, zip.Length - ZipFormat.EndOfCentralDirectorySize - 0xFFFF);
        for (int i = zip.Length - ZipFormat.EndOfCentralDirectorySize; i >= stop; i--)
        {
            // The comment must fit in the file; this rejects a signature that happens to sit inside a comment's tail.
            if (zip[i] == 0x50 && ReadSignature(zip, i) == ZipFormat.EndOfCentralDirectorySignature
                && i + ZipFormat.EndOfCentralDirectorySize + BinaryPrimitives.ReadUInt16LittleEndian(zip[(i + 20)..]) <= zip.Length)
                return i;
        }

        return -1;
    }

    private static int FindZip64Record(ReadOnlySpan<byte> zip, int locator)
    {
        // Usually the record (without extensible data) sits right before the locator; PeerScan only looks there.
        int adjacent = locator - ZipFormat.Zip64EndOfCentralDirectorySize;
        if (adjacent >= 0 && ReadSignature(zip, adjacent) == ZipFormat.Zip64EndOfCentralDirectorySignature)
            return adjacent;

        // Otherwise trust the locator's offset, which counts from the start of the zip (no prepended data).
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(zip[(locator + 8)..]);
        if (declared <= (ulong)(locator - ZipFormat.Zip64EndOfCentralDirectorySize)
            && ReadSignature(zip, (int)declared) == ZipFormat.Zip64EndOfCentralDirectorySignature)
            return (int)declared;
        return -1;
    }

    internal static uint ReadSignature(ReadOnlySpan<byte> zip, int offset) =>
        offset >= 0 && offset <= zip.Length - 4 ? BinaryPrimitives.ReadUInt32LittleEndian(zip[offset..]) : 0;
}
