using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class MultiReleaseTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void VersionedEntriesAreDistinctAndCarryTheirRelease()
    {
        byte[] nested = new ZipBuilder().Add("q/N.class", ClassBytes("N")).Build();
        byte[] jar = new ZipBuilder()
            .AddText("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n")
            .Add("p/A.class", ClassBytes("A"))
            .Add("META-INF/versions/9/p/A.class", ClassBytes("A9"))
            .Add("META-INF/versions/21/p/A.class", ClassBytes("A21"))
            .Add("META-INF/versions/11/lib/n.jar", nested)
            .Add("BOOT-INF/classes/META-INF/versions/17/p/B.class", ClassBytes("B"))
            .Build();
        string path = _files.Write("mr.jar", jar);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal(
            [("p/A.class", false, (int?)null), ("META-INF/versions/9/p/A.class", true, 9), ("META-INF/versions/21/p/A.class", true, 21),
             ("q/N.class", true, null), ("BOOT-INF/classes/META-INF/versions/17/p/B.class", true, null)],
            artifact.ClassEntries.Select(e => (e.EntryPath, e.IsVersioned, e.Release)));
        Assert.Equal("true", artifact.Archives[0].ManifestAttributes!["Multi-Release"]);
    }

    [Theory]
    [InlineData("META-INF/versions/9/A.class", 9)]
    [InlineData("META-INF/versions/25/a/b/A.class", 25)]
    [InlineData("META-INF/versions/x/A.class", null)]
    [InlineData("META-INF/versions/9A.class", null)]
    [InlineData("META-INF/versions/A.class", null)]
    [InlineData("META-INF/versions/12345678901/A.class", null)]
    [InlineData("x/META-INF/versions/9/A.class", null)]
    public void ReleaseIsParsedOnlyFromALeadingVersionsFolder(string path, int? release) =>
        Assert.Equal(release, MultiRelease.ReleaseOf(path));
}
