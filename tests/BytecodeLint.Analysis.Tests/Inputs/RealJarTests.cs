using System.IO.Compression;
using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Tests.Inputs;

/// <summary>
/// Agreement with <see cref="ZipArchive"/> on real archives, when the corpus installer put them there
/// (each test returns early when its file is absent). Also shows the default limits never fire on them.
/// </summary>
public sealed class RealJarTests
{
    private const string AsmJar = "/usr/share/java/asm.jar";
    private const string JavaBaseJmod = "/usr/lib/jvm/java-17-openjdk-amd64/jmods/java.base.jmod";
    private const string FatBootJar = "/var/tmp/bytecodelint-corpus/synthetic/fat-boot.jar";

    [Fact]
    public void AsmJarAgreesWithZipArchive()
    {
        if (!File.Exists(AsmJar))
            return;

        using ZipArchive zip = ZipFile.OpenRead(AsmJar);
        var expected = zip.Entries.Where(e => e.FullName.EndsWith(".class", StringComparison.Ordinal)).ToList();
        using Artifact artifact = Artifact.Open(AsmJar);

        Assert.Empty(artifact.Problems);
        Assert.Equal(expected.Select(e => e.FullName), artifact.ClassEntries.Select(e => e.EntryPath));
        Assert.Equal(zip.Entries.Count, artifact.Archives[0].EntryNames.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(Contents(expected[i]), InputTestFiles.ReadAll(artifact.ClassEntries[i]));
    }

    [Fact]
    public void JmodAgreesWithZipArchiveOverTheBytesAfterItsHeader()
    {
        if (!File.Exists(JavaBaseJmod))
            return;

        // ZipArchive does not know the JM header; offsets in a jmod count from the byte after it.
        byte[] bytes = File.ReadAllBytes(JavaBaseJmod);
        var expected = new List<string>();
        int nested = 0;
        using (var zip = new ZipArchive(new MemoryStream(bytes, 4, bytes.Length - 4), ZipArchiveMode.Read))
            ListClasses(zip, JavaBaseJmod, expected, ref nested);
        using Artifact artifact = Artifact.Open(JavaBaseJmod);

        Assert.Empty(artifact.Problems);
        Assert.Equal(4, artifact.Archives[0].BaseOffset);
        Assert.Equal(expected, artifact.ClassEntries.Select(e => e.Location));
        Assert.Equal(nested, artifact.NestedArchives);
    }

    [Fact]
    public void FatJarAgreesWithZipArchiveOpenedRecursively()
    {
        if (!File.Exists(FatBootJar))
            return;

        var expected = new List<string>();
        int nested = 0;
        using (ZipArchive zip = ZipFile.OpenRead(FatBootJar))
            ListClasses(zip, FatBootJar, expected, ref nested);
        using Artifact artifact = Artifact.Open(FatBootJar);

        Assert.Empty(artifact.Problems);
        Assert.Equal(expected, artifact.ClassEntries.Select(e => e.Location));
        Assert.Equal(nested, artifact.NestedArchives);
    }

    private static void ListClasses(ZipArchive zip, string location, List<string> classes, ref int nested)
    {
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            if (entry.FullName.EndsWith(".class", StringComparison.Ordinal))
            {
                classes.Add(location + "!/" + entry.FullName);
            }
            else if (entry.FullName.EndsWith(".jar", StringComparison.Ordinal))
            {
                nested++;
                using var inner = new ZipArchive(new MemoryStream(Contents(entry)), ZipArchiveMode.Read);
                ListClasses(inner, location + "!/" + entry.FullName, classes, ref nested);
            }
        }
    }

    private static byte[] Contents(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
