using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>Runs analyzers over files, folders or byte-built classes the way the CLI does.</summary>
internal static class RuleHarness
{
    public static string Oracle(string caseName, string file = "original.class") =>
        Path.Combine(RepoPaths.OracleCases, caseName, file);

    public static string SampleClass(string folder, string relative) =>
        Path.Combine(RepoPaths.Samples, "java", "classes", folder, relative);

    public static string SampleJar(string name) => Path.Combine(RepoPaths.Samples, "java", "jars", name);

    public static ScanResult Scan(IEnumerable<BytecodeAnalyzer> analyzers, AnalyzerOptions? options, params string[] paths) =>
        new ScanEngine(analyzers, options).Scan(paths);

    public static IReadOnlyList<Diagnostic> Run(BytecodeAnalyzer analyzer, string path, string? targetJdk = null) =>
        Scan([analyzer], new AnalyzerOptions { TargetJdk = JdkTarget.Parse(targetJdk) }, path).Diagnostics;

    /// <summary>Writes byte-built class bytes to a temp file and scans it.</summary>
    public static IReadOnlyList<Diagnostic> RunOnBytes(BytecodeAnalyzer analyzer, byte[] classBytes, string? targetJdk = null)
    {
        var dir = Directory.CreateTempSubdirectory("bl-rule-");
        try
        {
            var file = Path.Combine(dir.FullName, "Synthetic.class");
            File.WriteAllBytes(file, classBytes);
            return Run(analyzer, file, targetJdk);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static IReadOnlyList<Diagnostic> Only(this IEnumerable<Diagnostic> diagnostics, string id) =>
        diagnostics.Where(d => d.Id == id).ToList();
}
