using System.IO.Compression;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests;

/// <summary>Inputs the long fuzz run (scripts/fuzz.sh, seed 20261122) found, reduced to what triggers them.</summary>
public sealed class FuzzRegressionTests
{
    /// <summary>
    /// A mutant whose this_class became <c>java/lang/Object</c> (super <c>java/lang/Object</c>) turned
    /// every superclass walk of BL0002's call graph into an endless loop once a candidate writer site
    /// made it resolve calls. The JVM rejects such a class; the scanner must still finish.
    /// </summary>
    [Theory]
    [InlineData("java/lang/Object", "java/lang/Object")]
    [InlineData("samples/agent/rebuild/Targets", "samples/agent/rebuild/Targets")]
    public async Task A_class_that_is_its_own_superclass_does_not_hang_the_call_graph(string name, string super)
    {
        var jar = new ZipBuilder();
        using (var sample = ZipFile.OpenRead(Path.Combine(RepoPaths.Samples, "java", "jars", "agent-rebuild.jar")))
        {
            foreach (var entry in sample.Entries.Where(e => e.FullName.EndsWith(".class", StringComparison.Ordinal)))
            {
                using var stream = entry.Open();
                var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                if (entry.FullName != name + ".class") jar.Add(entry.FullName, bytes.ToArray());
            }
        }
        jar.Add(name + ".class", new ClassBuilder(name, super).ToArray());
        string path = Path.Combine(Path.GetTempPath(), $"bytecodelint-cycle-{Guid.NewGuid():N}.jar");
        File.WriteAllBytes(path, jar.Build());
        try
        {
            var scan = Task.Run(() => new ScanEngine(RuleRegistry.CreateAnalyzers()).Scan([path]));
            bool finished = await Task.WhenAny(scan, Task.Delay(TimeSpan.FromSeconds(60))) == scan;
            Assert.True(finished, "the scan did not finish: superclass cycle not bounded");
            var result = await scan;
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == InputDiagnostics.AnalyzerFailure.Id);
            Assert.Contains(result.Diagnostics, d => d.Id == PoolRebuildAnalyzer.Id); // the real findings survive
        }
        finally
        {
            File.Delete(path);
        }
    }
}
