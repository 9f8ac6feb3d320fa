using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

/// <summary>Class files under a hidden name (Lombok's *.SCL.lombok, *.classdata, *.esclazz) are class entries when their content is a class file.</summary>
public sealed class HiddenClassFileTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Hidden_names_with_class_content_are_class_entries_and_other_content_is_a_resource()
    {
        byte[] jar = new ZipBuilder()
            .Add("lombok/core/Agent.SCL.lombok", ClassBytes("Agent"))                  // deflated
            .Add("inst/io/Foo.classdata", ClassBytes("Foo"), ZipMethod.Stored)
            .Add("agent/co/Bar.esclazz", ClassBytes("Bar"))
            .AddText("lombok/core/notes.SCL.lombok", "not a class file")                // the name alone does not decide
            .AddText("config.classdata", "")                                            // empty: no magic
            .Add("x/Plain.class", ClassBytes("Plain"))
            .Add("x/Odd.SCL.lombok.txt", ClassBytes("Odd"))                             // not the convention: a resource
            .Build();

        using Artifact artifact = Artifact.FromBytes("hidden.jar", jar);

        Assert.Equal(["lombok/core/Agent.SCL.lombok", "inst/io/Foo.classdata", "agent/co/Bar.esclazz", "x/Plain.class"],
            artifact.ClassEntries.Select(e => e.EntryPath));
        Assert.Equal(ClassBytes("Agent"), ReadAll(artifact.ClassEntries[0]));
        Assert.Empty(artifact.Problems);
    }

    [Fact]
    public void A_class_folder_reads_hidden_class_files_by_content()
    {
        _files.Write("lombok/core/Agent.SCL.lombok", ClassBytes("Agent"));
        _files.Write("lombok/core/text.SCL.lombok", "plain text"u8.ToArray());

        using Artifact artifact = Artifact.Open(_files.Root);

        Assert.Equal(["lombok/core/Agent.SCL.lombok"], artifact.ClassEntries.Select(e => e.EntryPath));
    }

    [Theory]
    [InlineData("a/B.SCL.lombok", true)]
    [InlineData("a/B.SCL.other", true)]      // the suffix is the shadow loader's parameter
    [InlineData("B.SCL.lombok", true)]
    [InlineData("a/.SCL.lombok", false)]     // no class name before the marker
    [InlineData("a/B.SCL.", false)]
    [InlineData("a/B.SCL.x/y", false)]
    [InlineData("a/B.SCL.x.y", false)]
    [InlineData("a/B.classdata", true)]
    [InlineData("a/B.esclazz", true)]
    [InlineData("a/B.class", false)]         // the normal path, never probed
    [InlineData("a/B.txt", false)]
    public void The_name_conventions(string name, bool candidate) =>
        Assert.Equal(candidate, HiddenClassFiles.IsCandidate(name));
}
