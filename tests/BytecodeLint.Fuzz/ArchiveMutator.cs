using System.Buffers.Binary;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Fuzz;

/// <summary>
/// Produces one hostile archive: a sample jar with zip-structure damage (bytes, truncation, header
/// fields of local and central records and the end record), or a generated one — nesting bombs,
/// ratio bombs, oversized entries, entries that lie about their sizes or method.
/// </summary>
public static class ArchiveMutator
{
    // Built once: 80 MiB of zeros deflated (~80 KiB), above the 64 MiB class limit; 4 MiB above the ratio threshold.
    private static readonly Lazy<byte[]> HugeZeros = new(() => ZipBuilder.Deflate(new byte[80 << 20]));
    private static readonly Lazy<byte[]> RatioZeros = new(() => ZipBuilder.Deflate(new byte[4 << 20]));

    public static (string Kind, byte[] Bytes) Mutate(FuzzCorpus corpus, Random random)
    {
        byte[] jar = corpus.Jars[random.Next(corpus.Jars.Count)];
        byte[] someClass = corpus.Classes[random.Next(corpus.Classes.Count)];
        return random.Next(12) switch
        {
            0 => ("bytes", FlipBytes(jar, random)),
            1 => ("truncated", jar.AsSpan(0, random.Next(jar.Length)).ToArray()),
            2 or 3 => ("header", CorruptHeaders(jar, random)),
            4 => ("end-record", CorruptEndRecord(jar, random)),
            5 => ("nesting-bomb", NestingBomb(someClass, depth: 9 + random.Next(8), random.Next(2) == 0 ? ZipMethod.Stored : ZipMethod.Deflated)),
            6 => ("ratio-bomb", RatioBomb(random)),
            7 or 8 => ("lying-sizes", LyingSizes(someClass, random)),
            9 => ("wide-nesting", WideNesting(someClass, random)),
            10 => ("nested-damage", new ZipBuilder().Add("BOOT-INF/lib/inner.jar", CorruptHeaders(jar, random), ZipMethod.Stored)
                .Add("A.class", someClass).Build()),
            _ => ("class-in-jar", new ZipBuilder().Add("p/A.class", ClassMutator.Mutate(someClass, jar, random), random.Next(2) == 0 ? ZipMethod.Stored : ZipMethod.Deflated).Build()),
        };
    }

    private static byte[] FlipBytes(byte[] jar, Random random)
    {
        byte[] copy = (byte[])jar.Clone();
        for (int n = 1 + random.Next(16); n > 0; n--)
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    /// <summary>Overwrites a field of a random local or central header with a hostile value.</summary>
    private static byte[] CorruptHeaders(byte[] jar, Random random)
    {
        byte[] copy = (byte[])jar.Clone();
        var local = Find(copy, 0x04034b50);
        var central = Find(copy, 0x02014b50);
        for (int n = 1 + random.Next(3); n > 0; n--)
        {
            bool useCentral = central.Count > 0 && (local.Count == 0 || random.Next(2) == 0);
            var headers = useCentral ? central : local;
            if (headers.Count == 0) return FlipBytes(jar, random);
            int at = headers[random.Next(headers.Count)];
            // Central: method 10, crc 16, csize 20, usize 24, name len 28, extra len 30, comment 32, offset 42.
            // Local: method 8, crc 14, csize 18, usize 22, name len 26, extra len 28.
            int[] fields = useCentral ? [10, 16, 20, 24, 28, 30, 32, 42, 8] : [8, 14, 18, 22, 26, 28, 6];
            int field = at + fields[random.Next(fields.Length)];
            bool wide = useCentral ? field - at is 16 or 20 or 24 or 42 : field - at is 14 or 18 or 22;
            if (wide) WriteU32(copy, field, Pick(random, [0, 1, 0xFFFFFFFF, 0x7FFFFFFF, (uint)copy.Length, (uint)random.Next(copy.Length), (uint)random.Next()]));
            else WriteU16(copy, field, (ushort)Pick(random, [0, 1, 8, 12, 99, 0xFFFF, 0x7FFF, (uint)random.Next(65536)]));
        }
        return copy;
    }

    private static byte[] CorruptEndRecord(byte[] jar, Random random)
    {
        byte[] copy = (byte[])jar.Clone();
        var ends = Find(copy, 0x06054b50);
        if (ends.Count == 0) return FlipBytes(jar, random);
        int at = ends[^1];
        // entries on disk 8, total entries 10, cd size 12, cd offset 16, comment length 20.
        int[] fields = [8, 10, 12, 16, 20, 4, 6];
        int field = at + fields[random.Next(fields.Length)];
        if (field - at is 12 or 16) WriteU32(copy, field, Pick(random, [0, 0xFFFFFFFF, (uint)copy.Length, (uint)random.Next(copy.Length)]));
        else WriteU16(copy, field, (ushort)Pick(random, [0, 1, 0xFFFF, (uint)random.Next(65536)]));
        return copy;
    }

    /// <summary>A jar inside a jar inside a jar… deeper than the nesting limit.</summary>
    public static byte[] NestingBomb(byte[] someClass, int depth, ZipMethod method)
    {
        byte[] current = new ZipBuilder().Add("Deep.class", someClass).Build();
        for (int level = 0; level < depth; level++)
            current = new ZipBuilder().Add($"lib/level{level}.jar", current, method).Add($"L{level}.class", someClass).Build();
        return current;
    }

    /// <summary>Small archives that inflate enormously: a class of 80 MiB of zeros, a 4 MiB one (ratio ~1000:1), a nested jar of them.</summary>
    private static byte[] RatioBomb(Random random)
    {
        var options = new ZipEntryOptions { RawData = random.Next(2) == 0 ? HugeZeros.Value : RatioZeros.Value };
        byte[] inner = new ZipBuilder().Add("Zero.class", [], ZipMethod.Deflated, options with { DeclaredUncompressedSize = (ulong)(options.RawData == HugeZeros.Value ? 80 << 20 : 4 << 20) }).Build();
        return random.Next(2) == 0 ? inner : new ZipBuilder().Add("lib/bomb.jar", inner, ZipMethod.Deflated).Build();
    }

    /// <summary>Entries whose declared sizes, CRC or method disagree with their data.</summary>
    private static byte[] LyingSizes(byte[] someClass, Random random)
    {
        ulong[] sizes = [0, 1, (ulong)someClass.Length - 1, (ulong)someClass.Length + 1, 0xFFFFFFFF, 1UL << 40, (ulong)random.Next()];
        var options = random.Next(4) switch
        {
            0 => new ZipEntryOptions { DeclaredUncompressedSize = sizes[random.Next(sizes.Length)] },
            1 => new ZipEntryOptions { DeclaredCompressedSize = sizes[random.Next(sizes.Length)] },
            2 => new ZipEntryOptions { DeclaredMethod = (ushort)Pick(random, [0, 8, 9, 12, 99]) },
            _ => new ZipEntryOptions { DataDescriptor = true, DeclaredUncompressedSize = sizes[random.Next(sizes.Length)] },
        };
        var builder = new ZipBuilder().Add("p/Liar.class", someClass, random.Next(2) == 0 ? ZipMethod.Stored : ZipMethod.Deflated, options)
            .Add("p/Honest.class", someClass);
        if (random.Next(3) == 0) builder.ForceZip64();
        return builder.Build();
    }

    /// <summary>One inner jar listed many times at several levels: wide rather than deep.</summary>
    private static byte[] WideNesting(byte[] someClass, Random random)
    {
        byte[] current = new ZipBuilder().Add("W.class", someClass).Build();
        int width = 4 + random.Next(6);
        for (int level = 0; level < 3; level++)
        {
            var builder = new ZipBuilder();
            for (int i = 0; i < width; i++) builder.Add($"lib/w{level}_{i}.jar", current, ZipMethod.Stored);
            current = builder.Build();
        }
        return current;
    }

    private static List<int> Find(byte[] data, uint signature)
    {
        var found = new List<int>();
        for (int i = 0; i + 4 <= data.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(i)) == signature) found.Add(i);
        }
        return found;
    }

    private static uint Pick(Random random, uint[] values) => values[random.Next(values.Length)];

    private static void WriteU16(byte[] data, int at, ushort value)
    {
        if (at + 2 <= data.Length) BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), value);
    }

    private static void WriteU32(byte[] data, int at, uint value)
    {
        if (at + 4 <= data.Length) BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), value);
    }
}
