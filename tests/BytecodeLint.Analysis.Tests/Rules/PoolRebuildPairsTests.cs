using System.Text.Json;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// BL0002's pair mode, through the scan pipeline, on JVM-measured oracle cases: the original class is
/// scanned from memory and its agent dump (a zip in memory, as a dump folder would hold it) is merged with it.
/// </summary>
public sealed class PoolRebuildPairsTests
{
    private static byte[] Case(string caseName, string file) => File.ReadAllBytes(Path.Combine(RepoPaths.OracleCases, caseName, file));

    private static string ClassName(byte[] bytes) => BytecodeLint.ClassFile.JavaClass.Parse(bytes).Name;

    /// <summary>The original laid out as an application jar, the transformed class as a dump jar, plus extra dumps.</summary>
    private static ScanReport Run(string caseName, string? targetJdk = null, IReadOnlyDictionary<string, byte[]>? extraDumps = null, string? config = null)
    {
        var original = Case(caseName, "original.class");
        var transformed = Case(caseName, "transformed.class");
        string name = ClassName(original) + ".class";
        var app = new ZipBuilder().Add(name, original).Build();
        var dumps = new ZipBuilder().Add(name, transformed);
        foreach (var (entry, bytes) in extraDumps ?? new Dictionary<string, byte[]>()) dumps.Add(entry, bytes);
        return ScanPipeline.Run(new ScanRequest
        {
            Inputs = [ScanInput.FromBytes("app.jar", app)],
            Transformed = ScanInput.FromBytes("dump.jar", dumps.Build()),
            TargetJdk = JdkTarget.Parse(targetJdk),
            ConfigFiles = config is null ? [] : [config],
        });
    }

    private static int MeasuredWidened(string caseName)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.OracleCases, caseName, "results.json")));
        return json.RootElement.GetProperty("predicted_merge_original_vs_transformed").GetProperty("widened_ldc").GetInt32();
    }

    [Theory]
    [InlineData("ldc-smt6k-w115-rebuild")]
    [InlineData("ldc-smt216k-w30-rebuild")]
    public void Rebuilt_pool_pairs_report_the_exact_widened_count(string caseName)
    {
        var report = Run(caseName, "17");
        var d = Assert.Single(report.Result.Diagnostics, d => d.Evidence.StartsWith("pair:", StringComparison.Ordinal));
        Assert.Equal("BL0002", d.Id);
        Assert.Equal(MeasuredWidened(caseName), d.Properties["widenedLdc"]);
        Assert.True(d.Properties["indexMapLength"] > 0);
        Assert.Equal(1, report.PairMode!.Pairs);
        Assert.Equal(0, report.PairMode.Unmatched);
        Assert.Contains("renumbers its constant pool", d.Message);
        Assert.Contains("dump.jar!/", d.Message);
    }

    [Theory]
    [InlineData("ldc-smt6k-w115-preserve")]
    [InlineData("ldc-smt6k-w115-null")]
    public void Layout_preserving_pairs_are_silent(string caseName)
    {
        var report = Run(caseName);
        Assert.DoesNotContain(report.Result.Diagnostics, d => d.Evidence.StartsWith("pair:", StringComparison.Ordinal));
        Assert.Equal(1, report.PairMode!.TransformedClasses);
    }

    [Fact]
    public void Disabling_BL0002_disables_pair_mode()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("bl-pairs-").FullName, "off.globalconfig");
        File.WriteAllText(config, "is_global = true\ndotnet_diagnostic.BL0002.severity = none\n");
        var report = Run("ldc-smt6k-w115-rebuild", config: config);
        Assert.DoesNotContain(report.Result.Diagnostics, d => d.Id == "BL0002");
        Directory.Delete(Path.GetDirectoryName(config)!, recursive: true);
    }

    [Fact]
    public void Unmatched_and_corrupt_dumps_are_counted_and_reported()
    {
        var extra = new Dictionary<string, byte[]>
        {
            ["Broken.class"] = [0xCA, 0xFE, 0xBA, 0xBE, 0, 0],
            ["Other.class"] = Case("exp1-CatchException", "original.class"),
        };
        var report = Run("ldc-smt6k-w115-rebuild", extraDumps: extra);
        Assert.Equal(1, report.PairMode!.Unmatched);
        Assert.Single(report.Result.Diagnostics, d => d.Id == "BL9001" && d.Message.Contains("Broken.class"));
        Assert.Single(report.Result.Diagnostics, d => d.Id == "BL0002" && d.Evidence.StartsWith("pair:", StringComparison.Ordinal));
    }

    [Fact]
    public void Pair_findings_are_declared_by_BL0002()
    {
        // Every descriptor a rule reports is one it declares (no clones from outside the rule).
        var report = Run("ldc-smt6k-w115-rebuild", "17");
        var d = Assert.Single(report.Result.Diagnostics, d => d.Evidence.StartsWith("pair:", StringComparison.Ordinal));
        Assert.Contains(d.Descriptor, new BytecodeLint.Analysis.Rules.Retransform.PoolRebuild.PoolRebuildAnalyzer().SupportedDiagnostics);
    }
}
