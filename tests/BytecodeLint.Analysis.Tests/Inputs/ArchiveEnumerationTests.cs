using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class ArchiveEnumerationTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ClassEntriesFollowCentralDirectoryOrderAndSkipEverythingElse()
    {
        byte[] jar = new ZipBuilder()
            .AddDirectory("META-INF/")
            .AddText("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n")
            .AddDirectory("com/acme/")
            .Add("com/acme/Zeta.class", ClassBytes("Zeta"))
            .Add("com/acme/Alpha.class", ClassBytes("Alpha"), ZipMethod.Stored)
            .AddText("com/acme/readme.txt", "not a class")
            .Add("com/acme/Upper.CLASS", ClassBytes("Upper"))   // suffix is case-sensitive, as in PeerScan
            .Add("module-info.class", ClassBytes("module-info"))
            .Build();
        string path = _files.Write("app.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal(["com/acme/Zeta.class", "com/acme/Alpha.class", "module-info.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        Assert.Equal(path + "!/com/acme/Zeta.class", artifact.ClassEntries[0].Location);
        Assert.Equal(ClassBytes("Zeta"), ReadAll(artifact.ClassEntries[0]));
        Assert.Equal(ClassBytes("Alpha"), ReadAll(artifact.ClassEntries[1]));
        Assert.Equal(ClassBytes("Alpha").Length, artifact.ClassEntries[1].UncompressedSize);
        Assert.Empty(artifact.Problems);
        Assert.Equal(path, artifact.InputPath);
        ArchiveInfo info = Assert.Single(artifact.Archives);
        Assert.Equal(path, info.Location);
        Assert.Equal(0, info.Depth);
        Assert.Equal(8, info.EntryNames.Count);
        Assert.Equal(0, artifact.NestedArchives);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void DataDescriptorsAndZip64RecordsAreRead(bool dataDescriptor, bool zip64)
    {
        var options = new ZipEntryOptions { DataDescriptor = dataDescriptor };
        byte[] jar = new ZipBuilder()
            .Add("a/A.class", ClassBytes("A"), ZipMethod.Deflated, options)
            .Add("a/B.class", ClassBytes("B"), ZipMethod.Stored, options)
            .ForceZip64(zip64)
            .Comment("built by a test")
            .Build();
        string path = _files.Write("dd.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        Assert.Empty(artifact.Problems);
        Assert.Equal([ClassBytes("A"), ClassBytes("B")], artifact.ClassEntries.Select(ReadAll));
    }

    [Fact]
    public void Zip64EndRecordWithExtensibleDataIsFoundThroughTheLocator()
    {
        byte[] jar = new ZipBuilder().Add("A.class", ClassBytes("A")).Zip64ExtensibleData(40).Build();
        string path = _files.Write("z64.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        Assert.Empty(artifact.Problems);
        Assert.Equal(ClassBytes("A"), ReadAll(Assert.Single(artifact.ClassEntries)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JmodPrefixIsFoundFromTheEndRecord(bool zip64)
    {
        byte[] jmod = new ZipBuilder()
            .Add("classes/module-info.class", ClassBytes("module-info"))
            .Add("classes/java/lang/Object.class", ClassBytes("Object"), ZipMethod.Stored)
            .AddText("lib/libjava.so", "ELF")
            .ForceZip64(zip64)
            .BuildJmod();
        string path = _files.Write("java.base.jmod", jmod);

        using Artifact artifact = Artifact.Open(path);

        Assert.Empty(artifact.Problems);
        Assert.Equal(4, artifact.Archives[0].BaseOffset);
        Assert.Equal([path + "!/classes/module-info.class", path + "!/classes/java/lang/Object.class"], artifact.ClassEntries.Select(e => e.Location));
        Assert.Equal(ClassBytes("Object"), ReadAll(artifact.ClassEntries[1]));
    }

    [Fact]
    public void PrependedStubCountedInOffsetsIsAlsoRead()
    {
        byte[] sfx = new ZipBuilder()
            .Prepend(new byte[1000], countedInOffsets: true)
            .Add("A.class", ClassBytes("A"))
            .Build();
        string path = _files.Write("installer.zip", sfx);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal(0, artifact.Archives[0].BaseOffset);
        Assert.Equal(ClassBytes("A"), ReadAll(Assert.Single(artifact.ClassEntries)));
    }

    [Fact]
    public void ContentNotExtensionDecidesWhatAFileIs()
    {
        string archive = _files.Write("library.bin", new ZipBuilder().Add("A.class", ClassBytes("A")).Build());
        string classFile = _files.Write("Foo.dat", ClassBytes("Foo"));

        using Artifact fromArchive = Artifact.Open(archive);
        using Artifact fromClass = Artifact.Open(classFile);

        Assert.Equal(archive + "!/A.class", Assert.Single(fromArchive.ClassEntries).Location);
        ClassEntry single = Assert.Single(fromClass.ClassEntries);
        Assert.Equal(classFile, single.Location);
        Assert.Equal("Foo.dat", single.EntryPath);
        Assert.Equal(ClassBytes("Foo"), ReadAll(single));
        Assert.Empty(fromClass.Archives);
    }

    [Fact]
    public void EntriesCanBeReadInParallel()
    {
        var builder = new ZipBuilder();
        for (int i = 0; i < 400; i++)
            builder.Add($"p/C{i}.class", ClassBytes("C" + i), i % 3 == 0 ? ZipMethod.Stored : ZipMethod.Deflated);
        string path = _files.Write("many.jar", builder.Build());
        using Artifact artifact = Artifact.Open(path);

        var mismatches = 0;
        Parallel.For(0, artifact.ClassEntries.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            int i = k % artifact.ClassEntries.Count;
            if (!ReadAll(artifact.ClassEntries[i]).AsSpan().SequenceEqual(ClassBytes("C" + i)))
                Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(400, artifact.ClassEntries.Count);
        Assert.Equal(0, mismatches);
    }
}
