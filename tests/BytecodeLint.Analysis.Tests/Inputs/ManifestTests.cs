using System.Text;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class ManifestTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ContinuationLinesAreJoinedAndOnlyTheMainSectionIsRead()
    {
        string manifest =
            "Manifest-Version: 1.0\r\n" +
            "Premain-Class: com.acme.very.long.package.name.that.does.not.fit.on.one.line.Ag\r\n" +
            " ent\r\n" +
            "Can-Retransform-Classes: true\n" +
            "Boot-Class-Path: a.jar\r" +
            "  b.jar\r\n" +
            "not a header line\r\n" +
            "\r\n" +
            "Name: com/acme/\r\n" +
            "Sealed: true\r\n";

        var attributes = ManifestParser.ParseMainAttributes(Encoding.UTF8.GetBytes(manifest));

        Assert.Equal("com.acme.very.long.package.name.that.does.not.fit.on.one.line.Agent", attributes["Premain-Class"]);
        Assert.Equal("true", attributes["can-retransform-classes"]);
        Assert.Equal("a.jar b.jar", attributes["Boot-Class-Path"]);
        Assert.False(attributes.ContainsKey("Name"));
        Assert.False(attributes.ContainsKey("Sealed"));
        Assert.Equal(4, attributes.Count);
    }

    [Fact]
    public void EachArchiveReportsItsOwnManifest()
    {
        byte[] inner = new ZipBuilder().AddText("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nAgent-Class: In\n", ZipMethod.Stored).Build();
        byte[] noManifest = new ZipBuilder().Add("X.class", ClassBytes("X")).Build();
        byte[] outer = new ZipBuilder()
            .AddText("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.JarLauncher\n")
            .Add("BOOT-INF/lib/agent.jar", inner, ZipMethod.Stored)
            .Add("BOOT-INF/lib/plain.jar", noManifest)
            .Build();
        string path = _files.Write("boot.jar", outer);

        using Artifact artifact = Artifact.Open(path);

        Assert.Equal("org.springframework.boot.loader.JarLauncher", artifact.Archives[0].ManifestAttributes!["Main-Class"]);
        Assert.Equal("In", artifact.Archives[1].ManifestAttributes!["Agent-Class"]);
        Assert.Null(artifact.Archives[2].ManifestAttributes);
    }
}
