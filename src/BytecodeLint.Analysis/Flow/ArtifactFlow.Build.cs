using System.Collections.Immutable;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Flow;

// Building the flow of one input outside a rule: for tests and library callers that want the graph
// itself, without a fake analyzer that claims some rule's id.
public sealed partial class ArtifactFlow
{
    /// <summary>The call graph of every class of the input (a class file, folder or archive, by path or bytes).</summary>
    public static ArtifactCallGraph BuildGraph(ScanInput input, AnalyzerOptions? options = null) =>
        Build(input, CallGraphDemand.Everything, graph => graph.Graph, options);

    /// <summary>
    /// Scans the input with only the flow running, and runs <paramref name="use"/> on the demand's graph
    /// while the artifact is still open (so <see cref="DemandCallGraph.WithCallPathsFrom"/> can read more).
    /// Throws when the input cannot be read at all.
    /// </summary>
    public static T Build<T>(ScanInput input, CallGraphDemand demand, Func<DemandCallGraph, T> use, AnalyzerOptions? options = null)
    {
        var probe = new FlowOnly<T>(demand, use);
        var result = new ScanEngine([probe], options, maxDegreeOfParallelism: 1).Scan([input]);
        if (probe.Done) return probe.Result!;
        throw new InvalidOperationException($"{input.Path} could not be read: " + string.Join("; ", result.InputErrors.Select(e => e.Message).Concat(result.Diagnostics.Select(d => d.Message))));
    }

    /// <summary>An analyzer that reports nothing (so the engine runs it whatever the configuration) and only builds the flow.</summary>
    private sealed class FlowOnly<T>(CallGraphDemand demand, Func<DemandCallGraph, T> use) : BytecodeAnalyzer
    {
        public bool Done { get; private set; }

        public T? Result { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterArtifactStartAction(start => DemandCallGraphCollector.Register(start, demand, (_, graph) =>
            {
                Result = use(graph);
                Done = true;
            }));
    }
}
