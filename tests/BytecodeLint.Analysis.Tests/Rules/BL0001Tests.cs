using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Rules.Retransform;
using static BytecodeLint.Analysis.Tests.Rules.RuleHarness;

namespace BytecodeLint.Analysis.Tests.Rules;

public class BL0001Tests
{
    private static readonly CatchThrowableAnalyzer Analyzer = new();

    [Theory]
    [InlineData("exp1-CatchThrowable", "17", true)]
    [InlineData("exp1-TryWithResources", "17", true)]
    [InlineData("exp1-CatchThrowable", "21.0.4", true)]
    [InlineData("exp1-CatchThrowable", null, true)]
    [InlineData("exp1-CatchThrowable", "25", false)]
    [InlineData("exp1-CatchThrowable", "22", false)]
    [InlineData("exp1-CatchThrowable", "11", false)]
    [InlineData("exp1-CatchThrowable", "1.8", false)]
    [InlineData("exp1-TryWithResources", "25", false)]
    [InlineData("exp1-CatchThrowableNoCall", "17", false)]
    [InlineData("exp1-CatchThrowableNoCall", null, false)]
    [InlineData("exp1-CatchException", "17", false)]
    public void Oracle_cases_follow_the_measured_JVM(string caseName, string? jdk, bool leaks)
    {
        var found = Run(Analyzer, Oracle(caseName), jdk).Only("BL0001");
        Assert.Equal(leaks ? 1 : 0, found.Count);
    }

    [Fact]
    public void Finding_carries_location_numbers_and_the_jdk_range()
    {
        var d = Assert.Single(Run(Analyzer, Oracle("exp1-CatchThrowable")));
        Assert.Equal("t1.CatchThrowable", d.Location.Class);
        Assert.NotNull(d.Location.Member);
        Assert.NotNull(d.Location.Line);
        Assert.NotNull(d.Location.BytecodeOffset);
        Assert.Equal(1, d.Properties["throwableMemberRefs"]);
        Assert.Equal(2, d.Properties["poolEntriesPerRetransform"]);
        Assert.Contains("on JDK 17–21", d.Message);
        // docs/design/hotspot.md §2: the 39-entry class measured +34.5 MiB after 1,000 retransforms; the fit is within 9.6 %.
        double after1000 = d.Properties["metaspaceBytesAfter1000Retransforms"];
        Assert.InRange(after1000, 34.5 * 1024 * 1024 * 0.9, 34.5 * 1024 * 1024 * 1.1);
        Assert.True(d.Properties["metaspaceBytesAfter100Retransforms"] < after1000 / 50, "growth must be quadratic in N");
    }

    [Fact]
    public void Known_target_is_named_in_the_message()
    {
        var d = Assert.Single(Run(Analyzer, Oracle("exp1-TryWithResources"), "17.0.15"));
        Assert.Contains("on JDK 17 ", d.Message);
    }

    [Theory]
    [InlineData("release17", "samples/app/CatchThrowablePrints.class", 1)]
    [InlineData("release17", "samples/app/CatchThrowableGetMessage.class", 1)]
    [InlineData("release17", "samples/app/TryWithResources.class", 1)]
    [InlineData("release8", "samples/app/CatchThrowablePrints.class", 1)]
    [InlineData("release11", "samples/app/CatchThrowablePrints.class", 1)]
    [InlineData("release17", "samples/app/CatchThrowableNoCall.class", 0)]
    [InlineData("release17", "samples/app/CatchException.class", 0)]
    [InlineData("release17", "samples/app/FinallyOnly.class", 0)]
    [InlineData("release17", "samples/app/SynchronizedBlock.class", 0)]
    public void Sample_classes(string folder, string relative, int expected)
    {
        Assert.Equal(expected, Run(Analyzer, SampleClass(folder, relative), "17").Only("BL0001").Count);
    }

    [Fact]
    public void Line_is_the_handlers_source_line()
    {
        var d = Assert.Single(Run(Analyzer, SampleClass("release17", "samples/app/CatchThrowablePrints.class")));
        var source = File.ReadAllLines(Path.Combine(RepoPaths.Samples, "java", "src", "app", "samples", "app", "CatchThrowablePrints.java"));
        Assert.Contains("catch (Throwable", source[d.Location.Line!.Value - 1]);
    }

    private static byte[] CatchThrowableClass(int major, bool withMemberRef, string catchType = "java/lang/Throwable", bool secondThrowableEntry = false, bool invoke = true)
    {
        var builder = new ClassBuilder("p/Synthetic").Version(0, major);
        var pool = builder.Pool;
        int catchIndex = pool.Class(catchType);
        int refIndex = -1;
        if (!withMemberRef)
        {
        }
        else if (secondThrowableEntry)
        {
            // A Methodref on a *second* Class entry naming Throwable that no handler uses as catch type.
            int other = pool.AddDuplicateOf(catchIndex);
            int nameAndType = pool.NameAndType("printStackTrace", "()V");
            refIndex = pool.Raw(10, (byte)(other >> 8), (byte)other, (byte)(nameAndType >> 8), (byte)nameAndType);
        }
        else
        {
            refIndex = pool.Methodref(catchType, "printStackTrace", "()V");
        }
        var code = new CodeBuilder().Op(CodeOpcodes.Return) // pc 0: try range [0,1)
            .Op(CodeOpcodes.Astore1); // pc 1: handler
        if (withMemberRef && invoke) code.Op(CodeOpcodes.Aload1).InvokeVirtual(refIndex);
        code.Return();
        builder.Method(ClassAccess.Public | ClassAccess.Static, "run", "()V")
            .Code(2, 2, code, c => c.Handler(0, 1, 1, catchIndex).LineNumberTable((0, 10), (1, 12)));
        return builder.ToArray();
    }

    [Theory]
    [InlineData(49, true, 0)]   // old verifier: no pre-resolution
    [InlineData(50, true, 1)]
    [InlineData(61, true, 1)]
    [InlineData(69, true, 1)]
    [InlineData(61, false, 0)]  // handler without a Throwable member ref
    public void Version_and_member_ref_conditions(int major, bool withMemberRef, int expected)
    {
        Assert.Equal(expected, RunOnBytes(Analyzer, CatchThrowableClass(major, withMemberRef), "17").Only("BL0001").Count);
    }

    [Fact]
    public void Unused_member_ref_in_the_pool_still_counts()
    {
        // docs/design/hotspot-model.md §2.4: every scratch pool entry is merged, referenced by code or not.
        Assert.Single(RunOnBytes(Analyzer, CatchThrowableClass(61, withMemberRef: true, invoke: false), "17"));
    }

    [Fact]
    public void Subclass_handler_does_not_count()
    {
        Assert.Empty(RunOnBytes(Analyzer, CatchThrowableClass(61, true, "java/lang/Exception"), "17"));
    }

    [Fact]
    public void Member_ref_must_go_through_the_handlers_own_class_entry()
    {
        Assert.Empty(RunOnBytes(Analyzer, CatchThrowableClass(61, true, secondThrowableEntry: true), "17"));
    }

    [Fact]
    public void Synthetic_finding_reports_handler_line()
    {
        var d = Assert.Single(RunOnBytes(Analyzer, CatchThrowableClass(61, true), "17"));
        Assert.Equal(12, d.Location.Line);
        Assert.Equal(1, d.Location.BytecodeOffset);
        Assert.Equal("run", d.Location.Member);
    }
}

public class BL0001BootModuleTests
{
    [Theory]
    [InlineData("/usr/lib/jvm/java-17-openjdk-amd64/jmods/java.base.jmod!/classes/java/io/BufferedWriter.class", true)]
    [InlineData("jmods/jdk.jfr.jmod!/classes/jdk/jfr/Recording.class", true)]
    [InlineData("jmods/java.sql.jmod!/classes/java/sql/DriverManager.class", false)] // platform loader: verified
    [InlineData("jmods/jdk.compiler.jmod!/classes/com/sun/tools/javac/Main.class", false)]
    [InlineData("app.jar!/java/base/Foo.class", false)]
    [InlineData("java.base.jar!/Foo.class", false)]
    public void Boot_module_jmods_are_recognised(string location, bool boot) =>
        Assert.Equal(boot, BytecodeLint.Analysis.Rules.Retransform.BootModules.Contains(location));

    /// <summary>An entry is judged by its archive's location (its own location is not built for it).</summary>
    [Theory]
    [InlineData("java.base.jmod", true)]
    [InlineData("java.sql.jmod", false)]
    [InlineData("java.base.jar", false)]
    public void An_entry_is_judged_by_the_archive_it_is_in(string archiveName, bool boot)
    {
        string folder = Directory.CreateTempSubdirectory("bl-jmod-").FullName;
        try
        {
            string archive = Path.Combine(folder, archiveName);
            File.WriteAllBytes(archive, new ZipBuilder().Add("classes/p/A.class", [0xCA, 0xFE, 0xBA, 0xBE]).Build());
            using var artifact = BytecodeLint.Analysis.Inputs.Artifact.Open(archive);
            var entry = Assert.Single(artifact.ClassEntries);
            Assert.Equal(archive + "!/", entry.ArchiveLocation);
            Assert.Equal(boot, BytecodeLint.Analysis.Rules.Retransform.BootModules.Contains(entry));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
