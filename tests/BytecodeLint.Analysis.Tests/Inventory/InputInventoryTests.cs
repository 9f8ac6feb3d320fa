using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Inventory;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Inventory;

public class InputInventoryTests
{
    private static string Sample(string relative) => Path.Combine(RepoPaths.Samples, "java", relative);

    /// <summary>
    /// Samples that another change rebuilds (app.jar, fat-app.jar, app.war) are left to the corpus
    /// conformance script, which runs the peer each time. Expected values were produced by the independent Java+ASM peer
    /// (<c>shared/bench/run.sh -t 1 jars/… classes/release8</c> on the committed samples).
    /// Columns: entries, classes, bytes, nested, versioned, min, max, methods, withCode, thrMethods,
    /// thrHandlers, ldc, ldcW, ldc2W, smt>16K, smtMax, cp>256, cwI, cwCR, newI, newCR, hash.
    /// </summary>
    public static TheoryData<string, long[], string> PeerScanResults() => new()
    {
        { "jars/multi-release.jar", [10, 10, 6851, 0, 2, 52, 61, 27, 27, 6, 7, 6, 0, 0, 0, 35, 0, 0, 0, 0, 0], "ab977d1d26a51d70" },
        { "classes/release8", [8, 8, 5387, 0, 0, 52, 52, 21, 21, 4, 5, 4, 0, 0, 0, 35, 0, 0, 0, 0, 0], "b29dec0e057d6b6e" },
    };

    [Theory]
    [MemberData(nameof(PeerScanResults))]
    public void Sample_inputs_agree_with_the_java_peer(string input, long[] expected, string hash)
    {
        var c = InputInventory.Scan(Sample(input)).Counts;
        long[] actual =
        [
            c.ClassEntries, c.Classes, c.ClassBytes, c.NestedJars, c.VersionedClasses, c.MinMajor, c.MaxMajor, c.Methods, c.MethodsWithCode,
            c.ThrowableHandlerMethods, c.ThrowableHandlers, c.Ldc, c.LdcW, c.Ldc2W, c.StackMapTablesOver16K, c.MaxStackMapTableLength,
            c.ConstantPoolsOver256, c.ClassWriterIntSites, c.ClassWriterReaderSites, c.ClassWriterNewIntSites, c.ClassWriterNewReaderSites,
        ];
        Assert.Equal(expected, actual);
        Assert.Equal(hash, c.ThrowableHandlerLineHashHex);
        Assert.Equal(0, c.ParseErrors);
    }

    [Fact]
    public void Results_do_not_depend_on_the_degree_of_parallelism()
    {
        var one = InputInventory.Scan(Sample("jars/fat-app.jar"), withDetails: true, maxDegreeOfParallelism: 1);
        var four = InputInventory.Scan(Sample("jars/fat-app.jar"), withDetails: true, maxDegreeOfParallelism: 4);
        Assert.Equal(Snapshot(one.Counts), Snapshot(four.Counts));
        Assert.Equal(one.ThrowableHandlerDetails, four.ThrowableHandlerDetails);
        Assert.Equal(one.Counts.ThrowableHandlers, one.ThrowableHandlerDetails.Count);
        Assert.True(one.Counts.ThrowableHandlers > 0);
        Assert.All(one.ThrowableHandlerDetails, d => Assert.StartsWith(Sample("jars/fat-app.jar") + "!/", d.Location));
        Assert.Contains(one.ThrowableHandlerDetails, d => d.Location.Contains("!/BOOT-INF/lib/", StringComparison.Ordinal));
    }

    private static string Snapshot(InventoryCounts c) =>
        string.Join(",", typeof(InventoryCounts).GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + p.GetValue(c)));

    [Fact]
    public void Malformed_and_truncated_classes_are_parse_errors_with_located_problems()
    {
        string dir = Path.Combine(Path.GetTempPath(), "bl-inventory-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "p"));
        try
        {
            var good = ClassBuilder.Minimal("p/Good").ToArray();
            File.WriteAllBytes(Path.Combine(dir, "p", "Good.class"), good);
            File.WriteAllBytes(Path.Combine(dir, "p", "Cut.class"), good[..40]);
            var badVersion = ClassBuilder.Minimal("p/New");
            badVersion.MajorVersion = 70;
            File.WriteAllBytes(Path.Combine(dir, "p", "New.class"), badVersion.ToArray());
            File.WriteAllBytes(Path.Combine(dir, "p", "notes.txt"), [1, 2, 3]);

            var inventory = InputInventory.Scan(dir);
            var c = inventory.Counts;
            Assert.Equal(3, c.ClassEntries);
            Assert.Equal(1, c.Classes);
            Assert.Equal(2, c.ParseErrors);
            Assert.Equal(good.Length + 40 + badVersion.ToArray().Length, c.ClassBytes); // every class entry, parsed or not
            Assert.Equal((52, 52), (c.MinMajor, c.MaxMajor));
            Assert.Equal(2, inventory.Problems.Count);
            var cut = inventory.Problems[0];
            Assert.EndsWith("Cut.class", cut.Location);
            Assert.InRange(cut.Offset!.Value, 0, 40);
            var version = inventory.Problems[1];
            Assert.EndsWith("New.class", version.Location);
            Assert.Equal(6, version.Offset);
            Assert.Contains("70", version.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_input_throws_InputException()
    {
        Assert.Throws<InputException>(() => InputInventory.Scan(Path.Combine(Path.GetTempPath(), "bl-missing-" + Guid.NewGuid().ToString("N") + ".jar")));
    }
}
