using BytecodeLint.Analysis.Inputs;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Inputs.InputTestFiles;

namespace BytecodeLint.Analysis.Tests.Inputs;

public sealed class InputLimitTests : IDisposable
{
    private readonly InputTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void NestingDeeperThanTheLimitIsReportedAndNotOpened()
    {
        byte[] jar = new ZipBuilder().Add("L3.class", ClassBytes("L3")).Build();
        for (int level = 2; level >= 0; level--)
            jar = new ZipBuilder().Add($"L{level}.class", ClassBytes("L" + level)).Add($"n{level + 1}.jar", jar).Build();
        string path = _files.Write("deep.jar", jar);

        using Artifact artifact = Artifact.Open(path, InputLimits.Default with { MaxNestingDepth = 2 });

        Assert.Equal(["L0.class", "L1.class", "L2.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        InputProblem problem = Assert.Single(artifact.Problems);
        Assert.Equal(InputProblemKind.LimitExceeded, problem.Kind);
        Assert.Equal(path + "!/n1.jar!/n2.jar!/n3.jar", problem.Location);
        Assert.Contains("nesting limit of 2", problem.Message);
    }

    [Fact]
    public void CompressionBombIsRejectedButTheRestIsRead()
    {
        byte[] zeros = new byte[4 << 20];                // deflates about 1000:1
        byte[] jar = new ZipBuilder()
            .Add("Bomb.class", zeros)
            .Add("lib/bomb.jar", zeros)
            .Add("Ok.class", ClassBytes("Ok"))
            .Build();
        string path = _files.Write("bomb.jar", jar);

        using Artifact artifact = Artifact.Open(path, InputLimits.Default with { MaxCompressionRatio = 100 });

        Assert.Equal(["Ok.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        Assert.Equal([path + "!/Bomb.class", path + "!/lib/bomb.jar"], artifact.Problems.Select(p => p.Location));
        Assert.All(artifact.Problems, p => Assert.Equal(InputProblemKind.LimitExceeded, p.Kind));
        Assert.All(artifact.Problems, p => Assert.Contains("compression ratio", p.Message));
    }

    [Fact]
    public void SmallEntriesAreNotJudgedByTheirRatio()
    {
        string path = _files.Write("small.jar", new ZipBuilder().Add("Zeros.class", new byte[512 << 10]).Build());

        using Artifact artifact = Artifact.Open(path, InputLimits.Default with { MaxCompressionRatio = 2 });

        Assert.Single(artifact.ClassEntries);
        Assert.Empty(artifact.Problems);
    }

    [Fact]
    public void OversizedClassAndNestedJarAreRejected()
    {
        byte[] inner = new ZipBuilder().Add("I.class", ClassBytes("I"), ZipMethod.Stored).Add("pad.bin", new byte[5000], ZipMethod.Stored).Build();
        byte[] jar = new ZipBuilder()
            .Add("Big.class", new byte[3000], ZipMethod.Stored)
            .Add("Small.class", ClassBytes("S"))
            .Add("lib/inner.jar", inner)
            .Build();
        string path = _files.Write("sizes.jar", jar);

        using Artifact artifact = Artifact.Open(path, InputLimits.Default with { MaxClassEntryBytes = 2000, MaxNestedArchiveBytes = 4000 });

        Assert.Equal(["Small.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        Assert.Equal(
            [(path + "!/Big.class", InputProblemKind.LimitExceeded), (path + "!/lib/inner.jar", InputProblemKind.LimitExceeded)],
            artifact.Problems.Select(p => (p.Location, p.Kind)));
    }

    [Fact]
    public void TotalInflatedBytesAreBudgetedPerInput()
    {
        // Declared sizes are charged in enumeration order: A, the nested jar, In; B no longer fits.
        byte[] inner = new ZipBuilder().Add("In.class", new byte[1000]).Build();
        byte[] jar = new ZipBuilder()
            .Add("A.class", new byte[1000])
            .Add("lib/in.jar", inner)
            .Add("B.class", new byte[1000])
            .Add("Stored.class", new byte[1000], ZipMethod.Stored)   // STORED costs no inflation
            .Build();
        string path = _files.Write("budget.jar", jar);
        long budget = 1000 + inner.Length + 1000;

        using Artifact artifact = Artifact.Open(path, InputLimits.Default with { MaxTotalInflatedBytes = budget });

        Assert.Equal(["A.class", "In.class", "Stored.class"], artifact.ClassEntries.Select(e => e.EntryPath));
        InputProblem problem = Assert.Single(artifact.Problems);
        Assert.Equal(path + "!/B.class", problem.Location);
        Assert.Equal(InputProblemKind.LimitExceeded, problem.Kind);
    }

    [Fact]
    public void OverlappingStoredJarsCannotMultiplyWithoutBound()
    {
        // Every level holds 10 central-directory records pointing at the same stored nested jar:
        // 10^4 paths to the innermost class. The entry budget cuts the walk short with one problem.
        byte[] jar = new ZipBuilder().Add("X.class", ClassBytes("X"), ZipMethod.Stored).Build();
        for (int level = 0; level < 4; level++)
        {
            var builder = new ZipBuilder().Add("n.jar", jar, ZipMethod.Stored);
            byte[] once = builder.Build();
            jar = OverlapFirstEntry(once, copies: 10);
        }

        string path = _files.Write("overlap.jar", jar);

        using Artifact artifact = Artifact.Open(path, InputLimits.Default with { MaxTotalEntries = 500 });

        InputProblem problem = Assert.Single(artifact.Problems);
        Assert.Equal(InputProblemKind.LimitExceeded, problem.Kind);
        Assert.True(artifact.ClassEntries.Count < 500);
        Assert.True(artifact.ClassEntries.Count > 0);
    }

    /// <summary>Repeats the first (only) central-directory record of a zip, so all copies share one local entry.</summary>
    private static byte[] OverlapFirstEntry(byte[] zip, int copies)
    {
        int eocd = zip.Length - 22;
        int directorySize = BitConverter.ToInt32(zip, eocd + 12), directoryOffset = BitConverter.ToInt32(zip, eocd + 16);
        byte[] record = zip[directoryOffset..(directoryOffset + directorySize)];
        var output = new List<byte>(zip[..directoryOffset]);
        for (int i = 0; i < copies; i++)
            output.AddRange(record);
        byte[] end = zip[eocd..];
        BitConverter.GetBytes((ushort)copies).CopyTo(end, 8);
        BitConverter.GetBytes((ushort)copies).CopyTo(end, 10);
        BitConverter.GetBytes(directorySize * copies).CopyTo(end, 12);
        output.AddRange(end);
        return output.ToArray();
    }
}
