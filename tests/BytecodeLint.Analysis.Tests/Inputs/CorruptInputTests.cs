using System.Buffers.Binary;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class CorruptInputTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void BadEntryHeadersAreProblemsWithOffsetsAndTheRestIsRead()
    {
        byte[] jar = new ZipBuilder()
            .Add("A.class", ClassBytes("A"))
            .Add("BadSig.class", ClassBytes("BadSig"), ZipMethod.Deflated, new ZipEntryOptions { LocalSignature = 0xDEADBEEF })
            .Add("PastEnd.class", ClassBytes("PastEnd"), ZipMethod.Deflated, new ZipEntryOptions { DeclaredLocalHeaderOffset = 1_000_000 })
            .Add("Huge.class", ClassBytes("Huge"), ZipMethod.Deflated, new ZipEntryOptions { DeclaredUncompressedSize = 1UL << 62 })
            .Add("LongData.class", ClassBytes("LongData"), ZipMethod.Stored,
                new ZipEntryOptions { DeclaredCompressedSize = 1UL << 40, DeclaredUncompressedSize = 1UL << 40 })
            .Add("Bzip2.class", ClassBytes("Bzip2"), ZipMethod.Deflated, new ZipEntryOptions { DeclaredMethod = 12 })
            .Add("Secret.class", ClassBytes("Secret"), ZipMethod.Deflated, new ZipEntryOptions { ExtraFlags = 1 })
            .Add("StoredMismatch.class", ClassBytes("SM"), ZipMethod.Stored, new ZipEntryOptions { DeclaredCompressedSize = 3 })
            .Add("Z.class", ClassBytes("Z"))
            .Build();
        string path = _files.Write("corrupt.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        // The local header is only checked on Read, so BadSig is listed and fails then.
        Assert.Equal(["A.class", "BadSig.class", "Z.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        var badSig = Assert.Throws<EntryReadException>(() => artifact.ClassEntries[1].Read());
        Assert.Contains("signature", badSig.Reason);
        Assert.Equal(path + "!/BadSig.class", badSig.Location);   // joined from the archive's location and the entry's path only now
        Assert.Equal(IndexOf(jar, 0xDEADBEEF), badSig.Offset);
        Assert.Equal(ClassBytes("Z"), ReadAll(artifact.ClassEntries[2]));
        Assert.Equal(
            [
                ("PastEnd.class", InputProblemKind.Unreadable),
                ("Huge.class", InputProblemKind.LimitExceeded),
                ("LongData.class", InputProblemKind.LimitExceeded),
                ("Bzip2.class", InputProblemKind.UnsupportedEntry),
                ("Secret.class", InputProblemKind.UnsupportedEntry),
                ("StoredMismatch.class", InputProblemKind.Unreadable),
            ],
            artifact.Problems.Select(p => (p.Location[(path.Length + 2)..], p.Kind)));
        Assert.All(artifact.Problems, p => Assert.NotNull(p.Offset));
        Assert.Contains("do not fit", artifact.Problems[0].Message);
        Assert.Equal(IndexOfNth(jar, 0x02014b50, 3), artifact.Problems[0].Offset);
        Assert.Contains("method 12", artifact.Problems[3].Message);
    }

    [Fact]
    public void LyingSizesBadDeflateDataAndBadLocalHeadersFailOnRead()
    {
        byte[] a = ClassBytes("A");
        byte[] jar = new ZipBuilder()
            .Add("TooBig.class", a, ZipMethod.Deflated, new ZipEntryOptions { DeclaredUncompressedSize = (ulong)a.Length + 10 })
            .Add("TooSmall.class", a, ZipMethod.Deflated, new ZipEntryOptions { DeclaredUncompressedSize = (ulong)a.Length - 10 })
            .Add("Garbage.class", a, ZipMethod.Deflated, new ZipEntryOptions { RawData = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] })
            .Add("Truncated.class", a, ZipMethod.Deflated, new ZipEntryOptions { RawData = ZipBuilder.Deflate(a)[..5] })
            .Add("Fine.class", a)
            .Add("ShortFile.class", a, ZipMethod.Stored)
            .Build();
        // The last entry's local header names a 60000-byte extra field: its data would run past the end.
        int lastHeader = IndexOfNth(jar, 0x04034b50, 6);
        BinaryPrimitives.WriteUInt16LittleEndian(jar.AsSpan(lastHeader + 28), 60000);
        string path = _files.Write("lies.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        Assert.Empty(artifact.Problems);
        Assert.Equal(6, artifact.ClassEntries.Count);
        Assert.Contains("runs past the end", Assert.Throws<EntryReadException>(() => artifact.ClassEntries[5].Read()).Reason);
        var failures = artifact.ClassEntries.Take(4).Select(e => Assert.Throws<EntryReadException>(() => e.Read())).ToList();
        Assert.Contains("not its declared size", failures[0].Reason);
        Assert.Contains("more than its declared size", failures[1].Reason);
        Assert.All(failures, f => Assert.NotNull(f.Offset));
        Assert.Equal(path + "!/Garbage.class", failures[2].Location);
        Assert.Equal(failures[2].Location, failures[2].ToProblem().Location);
        Assert.Equal(a, ReadAll(artifact.ClassEntries[4]));
    }

    [Fact]
    public void CorruptNestedJarsAreProblemsAndTheRestIsRead()
    {
        byte[] good = new ZipBuilder().Add("G.class", ClassBytes("G")).Build();
        byte[] truncated = good[..(good.Length - 10)];
        byte[] jar = new ZipBuilder()
            .Add("lib/garbage.jar", new byte[100])
            .Add("lib/truncated.jar", truncated, ZipMethod.Stored)
            .Add("lib/baddeflate.jar", good, ZipMethod.Deflated, new ZipEntryOptions { RawData = [0xFF, 0xFE, 0xFD] })
            .Add("lib/good.jar", good)
            .Build();
        string path = _files.Write("nest.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal([path + "!/lib/good.jar!/G.class"], artifact.ClassEntries.Select(e => e.Location));
        Assert.Equal(
            [path + "!/lib/garbage.jar", path + "!/lib/truncated.jar", path + "!/lib/baddeflate.jar"],
            artifact.Problems.Select(p => p.Location));
        Assert.All(artifact.Problems, p => Assert.Equal(InputProblemKind.Unreadable, p.Kind));
        Assert.Equal(1, artifact.NestedArchives);
    }

    [Fact]
    public void BrokenCentralDirectoryRecordKeepsTheEntriesBeforeIt()
    {
        byte[] jar = new ZipBuilder().Add("A.class", ClassBytes("A")).Add("B.class", ClassBytes("B")).Add("C.class", ClassBytes("C")).Build();
        int second = IndexOfNth(jar, 0x02014b50, 2);
        jar[second] = (byte)'X';
        string path = _files.Write("cd.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal(["A.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        InputProblem problem = Assert.Single(artifact.Problems);
        Assert.Equal(path, problem.Location);
        Assert.Equal(second, problem.Offset);
    }

    [Fact]
    public void RandomDamageNeverEscapesAsAnythingButDeclaredErrors()
    {
        byte[] inner = new ZipBuilder().Add("i/I.class", ClassBytes("I")).Add("i/J.class", ClassBytes("J"), ZipMethod.Stored).Build();
        byte[] original = new ZipBuilder()
            .AddText("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: A\n")
            .Add("A.class", ClassBytes("A"))
            .Add("B.class", ClassBytes("B"), ZipMethod.Stored, new ZipEntryOptions { DataDescriptor = true })
            .Add("lib/s.jar", inner, ZipMethod.Stored)
            .Add("lib/d.jar", inner)
            .Build();
        var random = new Random(20261122);
        string path = Path.Combine(_files.Root, "fuzz.jar");
        int opened = 0, rejected = 0;
        for (int round = 0; round < 300; round++)
        {
            byte[] damaged = (byte[])original.Clone();
            for (int k = random.Next(1, 4); k > 0; k--)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            if (round % 10 == 0)
                damaged = damaged[..random.Next(damaged.Length)];
            File.WriteAllBytes(path, damaged);
            try
            {
                using Artifact artifact = Artifact.Open(path);
                opened++;
                foreach (ClassEntry entry in artifact.ClassEntries)
                {
                    try
                    {
                        using EntryBytes bytes = entry.Read();
                        Assert.True(bytes.Memory.Length == entry.UncompressedSize);
                    }
                    catch (EntryReadException)
                    {
                    }
                }
            }
            catch (InputException)
            {
                rejected++;
            }
        }

        Assert.True(opened > 100, $"only {opened} damaged archives were opened");
        Assert.True(rejected > 0);
    }

    private static int IndexOf(byte[] data, uint signature) => IndexOfNth(data, signature, 1);

    private static int IndexOfNth(byte[] data, uint signature, int nth)
    {
        for (int i = 0; i <= data.Length - 4; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(i)) == signature && --nth == 0)
                return i;
        }

        return -1;
    }
}
