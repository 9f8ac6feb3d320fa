using System.Text.Json;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Pairs;

public sealed class TransformedComparisonTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bl-pairs-");

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>Lays an oracle case out as an application folder and a dump folder, as an agent's dump option would.</summary>
    private (string Originals, string Dumps) Layout(string caseName)
    {
        var folder = Path.Combine(RepoPaths.OracleCases, caseName);
        var original = File.ReadAllBytes(Path.Combine(folder, "original.class"));
        var transformed = File.ReadAllBytes(Path.Combine(folder, "transformed.class"));
        string name = BytecodeLint.ClassFile.JavaClass.Parse(original).Name;
        string originals = Path.Combine(_root.FullName, caseName, "app");
        string dumps = Path.Combine(_root.FullName, caseName, "dump");
        foreach (var (dir, bytes) in new[] { (originals, original), (dumps, transformed) })
        {
            var file = Path.Combine(dir, name + ".class");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
        return (originals, dumps);
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
        var (originals, dumps) = Layout(caseName);
        var result = TransformedComparison.Compare([originals], dumps, new AnalyzerOptions { TargetJdk = JdkTarget.Parse("17") });
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("BL0002", d.Id);
        Assert.Equal(MeasuredWidened(caseName), d.Properties["widenedLdc"]);
        Assert.True(d.Properties["indexMapLength"] > 0);
        Assert.Equal(1, result.Pairs);
        Assert.Equal(0, result.Unmatched);
        Assert.Contains("renumbers its constant pool", d.Message);
    }

    [Theory]
    [InlineData("ldc-smt6k-w115-preserve")]
    [InlineData("ldc-smt6k-w115-null")]
    public void Layout_preserving_pairs_are_silent(string caseName)
    {
        var (originals, dumps) = Layout(caseName);
        Assert.Empty(TransformedComparison.Compare([originals], dumps, AnalyzerOptions.Default).Diagnostics);
    }

    [Fact]
    public void Disabling_BL0002_disables_pair_mode()
    {
        var (originals, dumps) = Layout("ldc-smt6k-w115-rebuild");
        var options = new AnalyzerOptions { SeverityOverrides = new Dictionary<string, Severity?> { ["BL0002"] = null } };
        Assert.Empty(TransformedComparison.Compare([originals], dumps, options).Diagnostics);
    }

    [Fact]
    public void Unmatched_and_corrupt_dumps_are_counted_and_reported()
    {
        var (originals, dumps) = Layout("ldc-smt6k-w115-rebuild");
        File.WriteAllBytes(Path.Combine(dumps, "Broken.class"), [0xCA, 0xFE, 0xBA, 0xBE, 0, 0]);
        var other = File.ReadAllBytes(Path.Combine(RepoPaths.OracleCases, "exp1-CatchException", "original.class"));
        File.WriteAllBytes(Path.Combine(dumps, "Other.class"), other);
        var result = TransformedComparison.Compare([originals], dumps, AnalyzerOptions.Default);
        Assert.Equal(1, result.Unmatched);
        Assert.Single(result.Diagnostics, d => d.Id == "BL9001" && d.Message.Contains("Broken.class"));
        Assert.Single(result.Diagnostics, d => d.Id == "BL0002");
    }
}
