using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.ClassNames;
using BytecodeLint.Metaspace.Model;
using BytecodeLint.Metaspace.Reading;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Metaspace.Tests;

/// <summary>The real JVM logs in tests/TestData/logs (tests/TestData/README.md says how each was produced).</summary>
internal static class JvmLogs
{
    public static string Path(string name) => RepoPaths.Log(name);

    public static string Jdk17Leak => Path("jdk17-retransform-leak-until-oom.log.gz");
    public static string Jdk25NoLeak => Path("jdk25-retransform-no-leak.log.gz");
    public static string Jdk8Examples => Path("jdk8-format-examples.log");
    public static string VmMetaspaceBefore => Path("jdk17-vm-metaspace-before-widening.txt");
    public static string VmMetaspaceAfter => Path("jdk17-vm-metaspace-after-widening.txt");

    /// <summary>The class the JDK 17 and 25 runs retransformed, as loaded (oracle case exp1-CatchThrowable).</summary>
    public static string CatchThrowableClass => System.IO.Path.Combine(RepoPaths.OracleCases, "exp1-CatchThrowable", "original.class");

    public static MetaspaceLog Read(params string[] paths) => MetaspaceLogReader.ReadFiles(paths);

    public static MetaspaceDiagnosis Diagnose(string path, bool withClass = true) =>
        MetaspaceAnalyzer.Analyze(Read(path), new MetaspaceAnalysisOptions
        {
            ClassNames = withClass ? ClassFilePoolIndex.FromPaths([CatchThrowableClass]) : null,
            RuleIdOf = TestRuleIds.Of,
        });

    /// <summary>Reads log text given inline (one line per array element).</summary>
    public static MetaspaceLog ReadText(params string[] lines)
    {
        var log = new MetaspaceLog();
        MetaspaceLogReader.Read(new StringReader(string.Join("\n", lines)), "inline.log", log);
        return log;
    }
}
