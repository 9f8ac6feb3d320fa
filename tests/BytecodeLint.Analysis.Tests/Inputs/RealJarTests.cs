using System.IO.Compression;
using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Tests.Inputs;

/// <summary>Agreement with <see cref="ZipArchive"/> on a real jar, when the corpus installer put one there.</summary>
public sealed class RealJarTests
{
    private const string AsmJar = "/usr/share/java/asm.jar";

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
        {
            using Stream stream = expected[i].Open();
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(copy.ToArray(), InputTestFiles.ReadAll(artifact.ClassEntries[i]));
        }
    }
}
