using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class DirectoryInputTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void FilesAreSortedByOrdinalRelativePathAndJarsAreOpened()
    {
        _files.Write("classes/b/B.class", ClassBytes("B"));
        _files.Write("classes/a/Z.class", ClassBytes("aZ"));
        _files.Write("classes/a-b.class", ClassBytes("a-b"));   // '-' (0x2D) sorts before '/' (0x2F)
        _files.Write("classes/a/b/C.class", ClassBytes("C"));
        _files.Write("classes/Upper.class", ClassBytes("Upper")); // 'U' sorts before 'a' ordinally
        _files.Write("classes/.hidden/H.class", ClassBytes("H"));
        _files.Write("classes/notes.txt", [1, 2, 3]);
        _files.Write("classes/lib/dep.jar", new ZipBuilder().Add("d/D.class", ClassBytes("D")).Build());
        _files.Write("classes/META-INF/versions/11/V.class", ClassBytes("V"));
        string root = Path.Combine(_files.Root, "classes");

        using Artifact artifact = Artifact.Open(root);

        Assert.Equal(
            [".hidden/H.class", "META-INF/versions/11/V.class", "Upper.class", "a-b.class", "a/Z.class", "a/b/C.class", "b/B.class", "d/D.class"],
            artifact.ClassEntries.Select(e => e.EntryPath));
        Assert.Equal(root + "/a/b/C.class", artifact.ClassEntries[5].Location);
        Assert.Equal(root + "/lib/dep.jar!/d/D.class", artifact.ClassEntries[7].Location);
        Assert.Equal(ClassBytes("C"), ReadAll(artifact.ClassEntries[5]));
        Assert.Equal(ClassBytes("D"), ReadAll(artifact.ClassEntries[7]));
        Assert.Equal((true, (int?)11), (artifact.ClassEntries[1].IsVersioned, artifact.ClassEntries[1].Release));
        Assert.Equal(1, artifact.NestedArchives);
        Assert.Equal(1, Assert.Single(artifact.Archives).Depth);
        Assert.Empty(artifact.Problems);
    }

    [Fact]
    public void TrailingSeparatorIsNotDoubled()
    {
        _files.Write("out/p/A.class", ClassBytes("A"));

        using Artifact artifact = Artifact.Open(Path.Combine(_files.Root, "out") + "/");

        Assert.Equal(Path.Combine(_files.Root, "out") + "/p/A.class", Assert.Single(artifact.ClassEntries).Location);
    }

    [Fact]
    public void SymbolicLinksAreNeitherFollowedNorListed()
    {
        string real = _files.Write("elsewhere/pkg/R.class", ClassBytes("R"));
        _files.Write("root/own/O.class", ClassBytes("O"));
        string root = Path.Combine(_files.Root, "root");
        try
        {
            File.CreateSymbolicLink(Path.Combine(root, "Link.class"), real);
            Directory.CreateSymbolicLink(Path.Combine(root, "linked"), Path.Combine(_files.Root, "elsewhere"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return;                                       // no symlink permission on this machine
        }

        using Artifact artifact = Artifact.Open(root);

        Assert.Equal(["own/O.class"], artifact.ClassEntries.Select(e => e.EntryPath));
    }

    [Fact]
    public async Task EmptyFilesAndFifosAreListedButNeverOpened()
    {
        _files.Write("f/Empty.class", []);
        string root = Path.Combine(_files.Root, "f");
        bool fifo = OperatingSystem.IsLinux() && MakeFifo(Path.Combine(root, "Pipe.class"), 0x1A4) == 0;

        using Artifact artifact = Artifact.Open(root);

        Assert.Equal(fifo ? ["Empty.class", "Pipe.class"] : ["Empty.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        foreach (ClassEntry entry in artifact.ClassEntries)
        {
            // WaitAsync throws TimeoutException if the read blocks.
            Assert.Empty(await Task.Run(() => ReadAll(entry)).WaitAsync(TimeSpan.FromSeconds(10)));
        }

        if (fifo)
        {
            await Task.Run(() => Assert.Throws<InputException>(() => Artifact.Open(Path.Combine(root, "Pipe.class"))))
                .WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    [Fact]
    public void CorruptJarInADirectoryIsAProblemAndTheRestIsRead()
    {
        _files.Write("d/bad.jar", [1, 2, 3, 4, 5]);
        _files.Write("d/good/G.class", ClassBytes("G"));
        string root = Path.Combine(_files.Root, "d");

        using Artifact artifact = Artifact.Open(root);

        InputProblem problem = Assert.Single(artifact.Problems);
        Assert.Equal(root + "/bad.jar", problem.Location);
        Assert.Equal(InputProblemKind.Unreadable, problem.Kind);
        Assert.Equal(["good/G.class"], artifact.ClassEntries.Select(e => e.EntryPath));
    }
}
