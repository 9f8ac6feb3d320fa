using BytecodeLint.Metaspace.ClassNames;

namespace BytecodeLint.Metaspace.Tests;

public class ClassHeaderReaderTests
{
    [Fact]
    public void Reads_name_and_pool_count_of_a_real_class()
    {
        // tests/TestData/oracle/cases/exp1-CatchThrowable/results.json: "class":"t1/CatchThrowable", "constant_pool_count":39.
        var header = ClassHeaderReader.TryRead(File.ReadAllBytes(JvmLogs.CatchThrowableClass));
        Assert.Equal(("t1.CatchThrowable", 39), header);
    }

    [Fact]
    public void Rejects_non_class_and_truncated_bytes()
    {
        var bytes = File.ReadAllBytes(JvmLogs.CatchThrowableClass);
        Assert.Null(ClassHeaderReader.TryRead(bytes.AsMemory(0, 100)));
        Assert.Null(ClassHeaderReader.TryRead("not a class file"u8.ToArray()));
    }

    [Fact]
    public void Index_matches_by_pool_length_and_reports_missing_paths()
    {
        var index = ClassFilePoolIndex.FromPaths([JvmLogs.CatchThrowableClass]);
        Assert.Equal(["t1.CatchThrowable"], index.ClassesWithPoolLength(39));
        Assert.Empty(index.ClassesWithPoolLength(40));
        Assert.Throws<FileNotFoundException>(() => ClassFilePoolIndex.FromPaths(["/no/such/file.jar"]));
    }
}
