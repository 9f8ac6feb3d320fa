using System.Collections.Immutable;
using System.Diagnostics;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

namespace BytecodeLint.Fuzz;

/// <summary>
/// Cost of each rule on one input (docs/performance.md): the engine alone, each shipped analyzer alone,
/// BL0002's call-graph fact extraction without its analysis, and everything — wall time, process CPU
/// time and bytes allocated, so a loaded machine still gives comparable CPU and allocation numbers.
/// </summary>
public static class RuleProfile
{
    public static int Run(string path, int parallelism, TextWriter log)
    {
        var variants = new List<(string Name, Func<IEnumerable<BytecodeAnalyzer>> Analyzers)> { ("engine only (read + parse)", () => []) };
        foreach (var analyzer in RuleRegistry.CreateAnalyzers())
        {
            var type = analyzer.GetType();
            variants.Add(($"{string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id))} alone ({type.Name})",
                () => [(BytecodeAnalyzer)Activator.CreateInstance(type)!]));
        }
        variants.Add(("BL0002 call-graph facts only (DemandCallGraphCollector, no analysis)", () => [new FactsOnly()]));
        variants.Add(("all rules", RuleRegistry.CreateAnalyzers));

        new ScanEngine([], maxDegreeOfParallelism: parallelism).Scan([path]); // warm up the reader and the page cache
        log.WriteLine($"| variant | wall | CPU | allocated | gen0/1/2 GCs | diagnostics |");
        log.WriteLine($"|---|---|---|---|---|---|");
        foreach (var (name, analyzers) in variants)
        {
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            var clock = Stopwatch.StartNew();
            var result = new ScanEngine(analyzers(), maxDegreeOfParallelism: parallelism).Scan([path]);
            clock.Stop();
            process.Refresh();
            log.WriteLine($"| {name} | {clock.Elapsed.TotalSeconds:F2} s | {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s | " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1 << 20):N0} MiB | " +
                $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} | {result.Diagnostics.Count} |");
        }
        return 0;
    }

    /// <summary>Extracts BL0002's per-class facts (rounds 1 and 2) and builds the graph, then drops it.</summary>
    private sealed class FactsOnly : BytecodeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [PoolRebuildAnalyzer.Rule];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterArtifactStartAction(start => DemandCallGraphCollector.Register(start, PoolRebuildAnalyzer.Demand, (_, _) => { }));
    }
}
