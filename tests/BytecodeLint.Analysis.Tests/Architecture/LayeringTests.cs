using BytecodeLint.Analysis.Engine;
using Xunit.Abstractions;

namespace BytecodeLint.Analysis.Tests.Architecture;

/// <summary>
/// The layers of BytecodeLint.Analysis (docs/design/architecture.md), checked on the compiled code:
/// Inputs ← Engine ← {Configuration, Flow, HotSpot, Inventory} ← Baseline, Rules ← Scanning. A new edge
/// against the grain (a cycle such as Engine → Rules) fails here.
/// </summary>
public sealed class LayeringTests(ITestOutputHelper output)
{
    private const string Root = "BytecodeLint.Analysis.";

    /// <summary>Each namespace (by its part after <see cref="Root"/>) and what it may use.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Inputs"] = [],
        ["Engine"] = ["Inputs"],
        ["Configuration"] = ["Engine", "Inputs"],
        ["Baseline"] = ["Engine", "Configuration"],
        ["Flow"] = ["Engine", "Inputs"],
        ["HotSpot"] = ["Engine"],
        ["Inventory"] = ["Engine", "Inputs"],
        ["Rules"] = ["Engine", "Inputs", "Flow", "HotSpot"],
        ["Scanning"] = ["Engine", "Inputs", "Configuration", "Baseline", "Rules"],
    };

    /// <summary>Rules.Retransform.PoolRebuild → Rules: a rule folder sits in its layer's namespace tree.</summary>
    private static string Layer(string ns)
    {
        string rest = ns[Root.Length..];
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    [Fact]
    public void Every_namespace_belongs_to_a_known_layer()
    {
        var namespaces = typeof(ScanEngine).Assembly.GetTypes().Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith(Root, StringComparison.Ordinal)).Select(n => Layer(n!)).Distinct();
        Assert.All(namespaces, layer => Assert.True(Allowed.ContainsKey(layer), $"namespace layer '{layer}' is not in the layering table"));
        Assert.DoesNotContain(typeof(ScanEngine).Assembly.GetTypes(), t => t.Namespace == "BytecodeLint.Analysis" && !t.Name.StartsWith('<'));
    }

    [Fact]
    public void Dependencies_follow_the_layers()
    {
        var edges = NamespaceGraph.Edges(typeof(ScanEngine).Assembly, Root)
            .Select(e => (From: Layer(e.From), To: Layer(e.To), Detail: $"{e.From} → {e.To}"))
            .Where(e => e.From != e.To)
            .ToList();
        foreach (var edge in edges.Select(e => e.Detail).Distinct().Order()) output.WriteLine(edge);
        var wrong = edges.Where(e => !Allowed[e.From].Contains(e.To)).Select(e => e.Detail).Distinct().Order().ToList();
        Assert.True(wrong.Count == 0, "edges against the layering: " + string.Join(", ", wrong));
    }

    [Fact]
    public void The_graph_sees_calls_made_inside_method_bodies()
    {
        // The walker must see a dependency that only a method body has (no using, no signature):
        // Scanning calls RuleRegistry inside ScanPipeline.Run.
        var edges = NamespaceGraph.Edges(typeof(ScanEngine).Assembly, Root);
        Assert.Contains(("BytecodeLint.Analysis.Scanning", "BytecodeLint.Analysis.Rules"), edges);
        Assert.Contains(("BytecodeLint.Analysis.Configuration", "BytecodeLint.Analysis.Engine"), edges);
    }

    [Fact]
    public void The_library_references_only_the_class_file_reader()
    {
        var ours = typeof(ScanEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("BytecodeLint", StringComparison.Ordinal));
        Assert.Equal(["BytecodeLint.ClassFile"], ours);
    }
}
