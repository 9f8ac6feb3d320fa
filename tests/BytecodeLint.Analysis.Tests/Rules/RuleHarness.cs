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

    /// <summary>Scans byte-built class (or archive) bytes in memory: no temporary file.</summary>
    public static IReadOnlyList<Diagnostic> RunOnBytes(BytecodeAnalyzer analyzer, byte[] bytes, string? targetJdk = null) =>
        new ScanEngine([analyzer], new AnalyzerOptions { TargetJdk = JdkTarget.Parse(targetJdk) })
            .Scan([ScanInput.FromBytes("Synthetic.class", bytes)]).Diagnostics;

    public static IReadOnlyList<Diagnostic> Only(this IEnumerable<Diagnostic> diagnostics, string id) =>
        diagnostics.Where(d => d.Id == id).ToList();
}
