using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class NestedArchiveTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(ZipMethod.Stored)]
    [InlineData(ZipMethod.Deflated)]
    public void NestedJarsAreWalkedDepthFirstInPlace(ZipMethod nestedMethod)
    {
        byte[] level3 = new ZipBuilder().Add("deep/D.class", ClassBytes("D")).Build();
        byte[] level2 = new ZipBuilder()
            .Add("c/C.class", ClassBytes("C"), ZipMethod.Stored)
            .Add("inner/level3.jar", level3, nestedMethod)
            .Build();
        byte[] level1 = new ZipBuilder()
            .Add("b/B.class", ClassBytes("B"))
            .Add("lib/level2.jar", level2, nestedMethod)
            .Add("b/B2.class", ClassBytes("B2"))
            .Build();
        byte[] app = new ZipBuilder()
            .Add("BOOT-INF/classes/A.class", ClassBytes("A"))
            .Add("BOOT-INF/lib/level1.jar", level1, nestedMethod)
            .Add("Z.class", ClassBytes("Z"))
            .Build();
        string path = _files.Write("app.jar", app);

        using Artifact artifact = Artifact.Open(path);

        Assert.Empty(artifact.Problems);
        string l1 = path + "!/BOOT-INF/lib/level1.jar", l2 = l1 + "!/lib/level2.jar", l3 = l2 + "!/inner/level3.jar";
        Assert.Equal(
            [
                path + "!/BOOT-INF/classes/A.class",
                l1 + "!/b/B.class",
                l2 + "!/c/C.class",
                l3 + "!/deep/D.class",
                l1 + "!/b/B2.class",
                path + "!/Z.class",
            ],
            artifact.ClassEntries.Select(e => e.Location));
        Assert.Equal("deep/D.class", artifact.ClassEntries[3].EntryPath);
        Assert.Equal(new[] { "A", "B", "C", "D", "B2", "Z" }.Select(ClassBytes), artifact.ClassEntries.Select(ReadAll));
        Assert.Equal(3, artifact.NestedArchives);
        Assert.Equal([path, l1, l2, l3], artifact.Archives.Select(a => a.Location));
        Assert.Equal([0, 1, 2, 3], artifact.Archives.Select(a => a.Depth));
    }

    [Fact]
    public void OnlyJarEntriesAreOpened()
    {
        byte[] inner = new ZipBuilder().Add("X.class", ClassBytes("X")).Build();
        byte[] app = new ZipBuilder()
            .Add("WEB-INF/lib/a.jar", inner)
            .Add("WEB-INF/lib/b.zip", inner)
            .Add("WEB-INF/lib/c.war", inner)
            .Add("WEB-INF/lib/d.jmod", inner)
            .Add("WEB-INF/lib/e.JAR", inner)
            .Build();
        string path = _files.Write("web.war", app);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal(path + "!/WEB-INF/lib/a.jar!/X.class", Assert.Single(artifact.ClassEntries).Location);
        Assert.Equal(1, artifact.NestedArchives);
    }

    [Fact]
    public void JarsInsideJmodsAreOpened()
    {
        byte[] inner = new ZipBuilder().Add("p/Tool.class", ClassBytes("Tool")).Build();
        byte[] jmod = new ZipBuilder()
            .Add("classes/module-info.class", ClassBytes("module-info"))
            .Add("lib/tools.jar", inner, ZipMethod.Stored)
            .BuildJmod();
        string path = _files.Write("jdk.x.jmod", jmod);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal([path + "!/classes/module-info.class", path + "!/lib/tools.jar!/p/Tool.class"], artifact.ClassEntries.Select(e => e.Location));
        Assert.Equal(ClassBytes("Tool"), ReadAll(artifact.ClassEntries[1]));
    }

    [Fact]
    public void StoredNestedJarIsAViewOfTheMappedFile()
    {
        byte[] classBytes = ClassBytes("S");
        byte[] inner = new ZipBuilder().Add("S.class", classBytes, ZipMethod.Stored).Build();
        string path = _files.Write("outer.jar", new ZipBuilder().Add("lib/inner.jar", inner, ZipMethod.Stored).Build());

        using Artifact artifact = Artifact.Open(path);
        using EntryBytes bytes = Assert.Single(artifact.ClassEntries).Read();

        // A view over mapped memory is not array-backed; an inflated or copied buffer would be.
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes.Memory, out _));
        Assert.Equal(classBytes, bytes.Span.ToArray());
    }

    [Fact]
    public void DeflatedNestedJarIsInflatedOutsideTheManagedHeapAndFreedWithTheArtifact()
    {
        byte[] classBytes = ClassBytes("N");
        byte[] inner = new ZipBuilder().Add("N.class", classBytes, ZipMethod.Stored).Build();
        string path = _files.Write("outer.jar", new ZipBuilder().Add("lib/inner.jar", inner, ZipMethod.Deflated).Build());

        ReadOnlyMemory<byte> view;
        using (Artifact artifact = Artifact.Open(path))
        {
            using EntryBytes bytes = Assert.Single(artifact.ClassEntries).Read();
            // A stored entry of the inflated jar is a view of its buffer, which is not a managed array.
            Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes.Memory, out _));
            Assert.Equal(classBytes, bytes.Span.ToArray());
            view = bytes.Memory;
        }

        // Disposing the artifact frees the buffer: the view refuses to read freed memory.
        Assert.Throws<ObjectDisposedException>(() => view.Span.Length);
    }
}
