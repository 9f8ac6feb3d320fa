namespace BytecodeLint.MSBuild.Tests;

public class ContentHashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bl-hash-" + Guid.NewGuid().ToString("N"));

    public ContentHashTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string HashOf(string path)
    {
        using var hash = new ContentHash();
        hash.AddPathContents("input", path);
        return hash.Finish();
    }

    [Fact]
    public void DependsOnContentsNotTimestamps()
    {
        var file = Path.Combine(_folder, "a.jar");
        File.WriteAllBytes(file, [1, 2, 3]);
        var before = HashOf(file);

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
        Assert.Equal(before, HashOf(file));

        File.WriteAllBytes(file, [1, 2, 4]);
        Assert.NotEqual(before, HashOf(file));
    }

    [Fact]
    public void FolderHashCoversFileNamesAndContents()
    {
        var classes = Path.Combine(_folder, "classes");
        Directory.CreateDirectory(Path.Combine(classes, "a"));
        File.WriteAllBytes(Path.Combine(classes, "a", "B.class"), [0xCA, 0xFE]);
        var before = HashOf(classes);

        File.Move(Path.Combine(classes, "a", "B.class"), Path.Combine(classes, "a", "C.class"));
        var renamed = HashOf(classes);
        Assert.NotEqual(before, renamed);

        File.WriteAllBytes(Path.Combine(classes, "a", "C.class"), [0xCA, 0xFF]);
        Assert.NotEqual(renamed, HashOf(classes));
    }

    [Fact]
    public void SourceRootHashSeesAddedFilesButNotEdits()
    {
        var root = Path.Combine(_folder, "src");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "A.java"), "class A {}");
        string Names()
        {
            using var hash = new ContentHash();
            hash.AddFileNames("root", root);
            return hash.Finish();
        }
        var before = Names();

        File.WriteAllText(Path.Combine(root, "A.java"), "class A { int x; }");
        Assert.Equal(before, Names());

        File.WriteAllText(Path.Combine(root, "B.java"), "class B {}");
        Assert.NotEqual(before, Names());
    }
}
