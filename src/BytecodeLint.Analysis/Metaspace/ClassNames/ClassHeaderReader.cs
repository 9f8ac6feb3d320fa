using System.Buffers.Binary;
using System.Text;

namespace BytecodeLint.Analysis.Metaspace.ClassNames;

/// <summary>
/// Reads just a class file's <c>constant_pool_count</c> and <c>this_class</c> name: the pool is walked
/// by tag sizes, nothing else is decoded. Kept separate from the full ClassFile reader so the log
/// command stays independent of it; it only needs these two facts.
/// </summary>
public static class ClassHeaderReader
{
    /// <summary>The dotted class name and pool count, or null when the bytes are not a readable class file.</summary>
    public static (string Name, int PoolCount)? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || BinaryPrimitives.ReadUInt32BigEndian(bytes) != 0xCAFEBABE)
            return null;
        int count = BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]);
        var offsets = new int[count];
        var pos = 10;
        for (var i = 1; i < count; i++)
        {
            if (pos >= bytes.Length)
                return null;
            offsets[i] = pos;
            int size = bytes[pos] switch
            {
                1 => pos + 3 <= bytes.Length ? 3 + BinaryPrimitives.ReadUInt16BigEndian(bytes[(pos + 1)..]) : -1,
                3 or 4 or 9 or 10 or 11 or 12 or 17 or 18 => 5,
                5 or 6 => 9,
                7 or 8 or 16 or 19 or 20 => 3,
                15 => 4,
                _ => -1,
            };
            if (size < 0)
                return null;
            if (bytes[pos] is 5 or 6)
                i++; // long and double take two slots
            pos += size;
        }
        if (pos + 4 > bytes.Length)
            return null;
        int thisClass = BinaryPrimitives.ReadUInt16BigEndian(bytes[(pos + 2)..]);
        if (thisClass <= 0 || thisClass >= count || bytes[offsets[thisClass]] != 7)
            return null;
        int nameIndex = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offsets[thisClass] + 1)..]);
        if (nameIndex <= 0 || nameIndex >= count || bytes[offsets[nameIndex]] != 1)
            return null;
        var at = offsets[nameIndex];
        int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 1)..]);
        if (at + 3 + length > bytes.Length)
            return null;
        var name = Encoding.UTF8.GetString(bytes.Slice(at + 3, length)).Replace('/', '.');
        return (name, count);
    }
}
