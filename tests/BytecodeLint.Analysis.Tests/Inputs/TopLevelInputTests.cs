using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class TopLevelInputTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void MissingPathThrowsInputException()
    {
        string path = Path.Combine(_files.Root, "nope.jar");

        var e = Assert.Throws<InputException>(() => Artifact.Open(path));

        Assert.Equal(path, e.InputPath);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("notes.txt", "not a class file")]
    [InlineData("Foo.class", "not a class file")]
    [InlineData("broken.jar", "end of central directory record not found")]
    public void GarbageThrowsInputException(string name, string expected)
    {
        string path = _files.Write(name, "PK this is plain text, not a zip or a class"u8.ToArray()[(name == "broken.jar" ? 0 : 3)..]);

        var e = Assert.Throws<InputException>(() => Artifact.Open(path));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void EmptyFileThrowsInputException()
    {
        string path = _files.Write("empty.jar", []);

        Assert.Contains("empty", Assert.Throws<InputException>(() => Artifact.Open(path)).Message);
    }

    [Fact]
    public void JarCutBeforeItsEndRecordThrowsInputException()
    {
        byte[] jar = new ZipBuilder().Add("A.class", ClassBytes("A")).Build();
        string path = _files.Write("cut.jar", jar[..(jar.Length - 30)]);

        Assert.Throws<InputException>(() => Artifact.Open(path));
    }

    [Fact]
    public void CentralDirectoryOutsideTheFileThrowsInputException()
    {
        byte[] jar = new ZipBuilder().Add("A.class", ClassBytes("A")).Build();
        BitConverter.GetBytes(jar.Length * 4).CopyTo(jar, jar.Length - 22 + 12);   // directory size larger than the file
        string path = _files.Write("bad-eocd.jar", jar);

        Assert.Contains("does not fit", Assert.Throws<InputException>(() => Artifact.Open(path)).Message);
    }

    [Fact]
    public void EmptyZipIsAnArchiveWithNoClasses()
    {
        string path = _files.Write("empty.zip", new ZipBuilder().Build());

        using Artifact artifact = Artifact.Open(path);

        Assert.Empty(artifact.ClassEntries);
        Assert.Single(artifact.Archives);
    }
}
