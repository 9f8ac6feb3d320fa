using System.Runtime.CompilerServices;

namespace BytecodeLint.TestUtilities;

/// <summary>Locates the repository and its committed test data from any test's working directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the folder holding BytecodeLint.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>samples/</c> in the repository.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>
    /// <c>tests/TestData/</c>: the oracle cases, JVM logs and schemas the tests read (their origin is in
    /// its README.md). Tests read only the repository, so a plain clone runs every test.
    /// </summary>
    public static string TestData => Path.Combine(Root, "tests", "TestData");

    /// <summary><c>tests/TestData/oracle/cases</c>: class files with what real JVMs measured for them.</summary>
    public static string OracleCases => Path.Combine(TestData, "oracle", "cases");

    /// <summary>One file in <c>tests/TestData/logs</c>: real JVM logs for the Metaspace log reader.</summary>
    public static string Log(string name) => Path.Combine(TestData, "logs", name);

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BytecodeLint.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find BytecodeLint.sln above " + AppContext.BaseDirectory);
    }
}
