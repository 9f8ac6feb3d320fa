using System.Buffers.Binary;

namespace BytecodeLint.Fuzz;

/// <summary>
/// Mutates one class file: generic byte-level damage (bit flips, interesting values, truncation,
/// insertion, deletion, duplication, splicing) and structure-aware damage aimed at the constant pool
/// (tags, index operands, Utf8 lengths and contents) and the header indexes that follow it.
/// </summary>
public static class ClassMutator
{
    private static readonly ushort[] InterestingU16 = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];
    private static readonly uint[] InterestingU32 = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFF, 0x10000];
    private static readonly byte[] InterestingU8 = [0, 1, 0x7F, 0x80, 0xC0, 0xED, 0xFE, 0xFF];

    /// <summary>Applies one (two times in three) to four stacked mutations to a copy of <paramref name="seed"/>.</summary>
    public static byte[] Mutate(byte[] seed, byte[] other, Random random)
    {
        var data = new List<byte>(seed);
        // Mostly single mutations, so that many mutants still parse and reach the rules.
        int count = random.Next(3) == 0 ? 1 + random.Next(4) : 1;
        for (int i = 0; i < count; i++)
            MutateOnce(data, other, random);
        return data.ToArray();
    }

    private static void MutateOnce(List<byte> data, byte[] other, Random random)
    {
        if (data.Count == 0)
        {
            data.AddRange(other.AsSpan(0, Math.Min(other.Length, 10)).ToArray());
            return;
        }

        switch (random.Next(14))
        {
            case 0: // bit flips
                for (int n = 1 + random.Next(8); n > 0; n--)
                {
                    int at = random.Next(data.Count);
                    data[at] ^= (byte)(1 << random.Next(8));
                }
                break;
            case 1: // interesting byte
                data[random.Next(data.Count)] = InterestingU8[random.Next(InterestingU8.Length)];
                break;
            case 2: // interesting u16 anywhere (lengths, counts, indexes)
                WriteU16(data, random.Next(data.Count), InterestingU16[random.Next(InterestingU16.Length)]);
                break;
            case 3: // interesting u32 anywhere (attribute lengths, code lengths)
                WriteU32(data, random.Next(data.Count), InterestingU32[random.Next(InterestingU32.Length)]);
                break;
            case 4: // truncation: keep a random prefix
            {
                int keep = random.Next(data.Count);
                data.RemoveRange(keep, data.Count - keep);
                break;
            }
            case 5: // insertion
            {
                int at = random.Next(data.Count + 1);
                var bytes = new byte[1 + random.Next(16)];
                random.NextBytes(bytes);
                data.InsertRange(at, bytes);
                break;
            }
            case 6: // deletion
            {
                int at = random.Next(data.Count);
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(32)));
                break;
            }
            case 7: // duplicate a range somewhere else
            {
                int from = random.Next(data.Count);
                int length = Math.Min(data.Count - from, 1 + random.Next(64));
                var chunk = data.GetRange(from, length);
                data.InsertRange(random.Next(data.Count + 1), chunk);
                break;
            }
            case 8: // splice: our head, another class's tail
            {
                if (other.Length == 0) break;
                int cut = random.Next(data.Count);
                int otherCut = random.Next(other.Length);
                data.RemoveRange(cut, data.Count - cut);
                data.AddRange(other.AsSpan(otherCut).ToArray());
                break;
            }
            case 9: // constant-pool tag
            {
                var pool = PoolEntries(data);
                if (pool.Count == 0) goto case 0;
                int at = pool[random.Next(pool.Count)].Offset;
                data[at] = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)random.Next(22);
                break;
            }
            case 10: // constant-pool index operand
            {
                var pool = PoolEntries(data);
                var withIndex = pool.Where(e => IndexOperands(e.Tag) > 0).ToList();
                if (withIndex.Count == 0) goto case 2;
                var entry = withIndex[random.Next(withIndex.Count)];
                int operand = random.Next(IndexOperands(entry.Tag));
                int at = entry.Offset + 1 + (entry.Tag == 15 ? 1 : 2 * operand);
                WriteU16(data, at, PoolIndex(random, pool.Count, entry.Index));
                break;
            }
            case 11: // Utf8 length or content
            {
                var utf8 = PoolEntries(data).Where(e => e.Tag == 1).ToList();
                if (utf8.Count == 0) goto case 1;
                var entry = utf8[random.Next(utf8.Count)];
                if (random.Next(2) == 0)
                {
                    WriteU16(data, entry.Offset + 1, InterestingU16[random.Next(InterestingU16.Length)]);
                }
                else
                {
                    int length = ReadU16(data, entry.Offset + 1);
                    if (length == 0) break;
                    data[Math.Min(data.Count - 1, entry.Offset + 3 + random.Next(length))] = InterestingU8[random.Next(InterestingU8.Length)];
                }
                break;
            }
            case 12: // this_class / super_class / interface / member indexes after the pool
            {
                var pool = PoolEntries(data, out int end);
                if (end < 0 || end + 8 > data.Count) goto case 2;
                int at = end + 2 + 2 * random.Next(Math.Min(8, (data.Count - end - 2) / 2));
                WriteU16(data, at, PoolIndex(random, pool.Count, 0));
                break;
            }
            default: // constant_pool_count
                WriteU16(data, 8, random.Next(2) == 0 ? InterestingU16[random.Next(InterestingU16.Length)] : (ushort)(ReadU16(data, 8) + random.Next(-3, 4)));
                break;
        }
    }

    private static ushort PoolIndex(Random random, int poolCount, int self) => random.Next(6) switch
    {
        0 => 0,
        1 => (ushort)(poolCount + 1),
        2 => (ushort)poolCount,
        3 => 0xFFFF,
        4 => (ushort)self,
        _ => (ushort)(1 + random.Next(Math.Max(1, poolCount))),
    };

    /// <summary>How many u2 constant-pool indexes an entry with this tag holds (MethodHandle: one, after its kind byte).</summary>
    private static int IndexOperands(byte tag) => tag switch
    {
        7 or 8 or 16 or 19 or 20 or 15 => 1,
        9 or 10 or 11 or 12 or 17 or 18 => 2,
        _ => 0,
    };

    private static List<(int Offset, byte Tag, int Index)> PoolEntries(List<byte> data) => PoolEntries(data, out _);

    /// <summary>Walks the constant pool as far as it is well-formed; <paramref name="end"/> is where it ends (-1 if it does not).</summary>
    private static List<(int Offset, byte Tag, int Index)> PoolEntries(List<byte> data, out int end)
    {
        var entries = new List<(int, byte, int)>();
        end = -1;
        if (data.Count < 10) return entries;
        int count = ReadU16(data, 8);
        int at = 10;
        for (int index = 1; index < count; index++)
        {
            if (at >= data.Count) return entries;
            byte tag = data[at];
            int size = tag switch
            {
                1 => at + 3 <= data.Count ? 3 + ReadU16(data, at + 1) : -1,
                3 or 4 or 9 or 10 or 11 or 12 or 17 or 18 => 5,
                5 or 6 => 9,
                7 or 8 or 16 or 19 or 20 => 3,
                15 => 4,
                _ => -1,
            };
            if (size < 0 || at + size > data.Count) return entries;
            entries.Add((at, tag, index));
            at += size;
            if (tag is 5 or 6) index++;
        }
        end = at;
        return entries;
    }

    private static int ReadU16(List<byte> data, int at) => at + 1 < data.Count ? (data[at] << 8) | data[at + 1] : 0;

    private static void WriteU16(List<byte> data, int at, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        for (int i = 0; i < 2 && at + i < data.Count; i++) data[at + i] = bytes[i];
    }

    private static void WriteU32(List<byte> data, int at, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        for (int i = 0; i < 4 && at + i < data.Count; i++) data[at + i] = bytes[i];
    }
}
