using System.Collections.Immutable;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Tests.Rules;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Flow;

/// <summary>The per-artifact flow service: one model of the code per artifact, shared by every rule that asks.</summary>
public class ArtifactFlowTests
{
    private static BL0002Classes TwoClasses()
    {
        var set = new BL0002Classes();
        Method(set.Class("p/A"), "a", "()V", c => c.Static("p/B", "b", "()V").Return(), ClassAccess.Public | ClassAccess.Static);
        Method(set.Class("p/B"), "b", "()V", c => c.Return(), ClassAccess.Public | ClassAccess.Static);
        return set;
    }

    /// <summary>Two rules asking in one artifact: they must get the same flow, and facts read for one are the objects the other's graph holds.</summary>
    private sealed class TwoRules : BytecodeAnalyzer
    {
        public List<ArtifactFlow> Flows { get; } = [];
        public ArtifactCallGraph? First, Second;
        public ClassFacts? SelectedByFirst;
        public Exception? LateRequire;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalyzerRegistration registration)
        {
            registration.RegisterArtifactStartAction(start =>
            {
                var flow = ArtifactFlow.Of(start);
                Flows.Add(flow);
                // Only p/A in depth; p/B is a stub that round 3 reads.
                var only = flow.Require(new CallGraphDemand((_, name) => name == "p/A", _ => false));
                start.RegisterArtifactEndAction(end =>
                {
                    var demand = flow.Graph(only, end);
                    SelectedByFirst = Assert.Single(flow.Selected(only)).Facts;
                    First = demand.WithCallPathsFrom(g => [g.FindMethod(new MethodKey("p/A", "a", "()V"))!]);
                    LateRequire = Record.Exception(() => flow.Require(CallGraphDemand.Everything));
                });
            });
            registration.RegisterArtifactStartAction(start =>
            {
                var flow = ArtifactFlow.Of(start);
                Flows.Add(flow);
                var all = flow.Require(CallGraphDemand.Everything);
                start.RegisterArtifactEndAction(end => Second = flow.Graph(all, end).Graph);
            });
        }
    }

    [Fact]
    public void Rules_of_one_artifact_share_one_flow_and_the_facts_it_read()
    {
        var rules = new TwoRules();
        new ScanEngine([rules]).Scan([ScanInput.FromBytes("a.jar", TwoClasses().ToJar())]);

        Assert.Equal(2, rules.Flows.Count);
        Assert.Same(rules.Flows[0], rules.Flows[1]);
        var a = new MethodKey("p/A", "a", "()V");
        var b = new MethodKey("p/B", "b", "()V");
        // p/A was read once, during the visit, for both demands.
        Assert.Same(rules.Second!.FindMethod(a), rules.First!.FindMethod(a));
        Assert.Same(rules.SelectedByFirst!.FindMethod("a", "()V")!.Facts, rules.First.FindMethod(a));
        // p/B was a stub for the first demand; its call path read it again from the facts the second demand already held.
        Assert.NotNull(rules.First.FindMethod(b));
        Assert.Same(rules.Second.FindMethod(b), rules.First.FindMethod(b));
        Assert.IsType<InvalidOperationException>(rules.LateRequire);
    }

    /// <summary>One rule's demand: only p/A in depth, p/B a stub (its location is made when asked for).</summary>
    private sealed class StubLocations : BytecodeAnalyzer
    {
        public ClassFacts? Stub, Read;
        public string? StubEntry;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterArtifactStartAction(start =>
            {
                var flow = ArtifactFlow.Of(start);
                var only = flow.Require(new CallGraphDemand((_, name) => name == "p/A", _ => false));
                StubEntry = start.Artifact.ClassEntries.Single(e => e.EntryPath == "p/B.class").Location;
                start.RegisterArtifactEndAction(end =>
                {
                    var graph = flow.Graph(only, end).Graph;
                    Stub = graph.FindClass("p/B");
                    Read = graph.FindClass("p/A");
                });
            });
    }

    [Fact]
    public void A_stub_class_points_at_its_entry_like_a_class_read_in_depth()
    {
        var rule = new StubLocations();
        new ScanEngine([rule]).Scan([ScanInput.FromBytes("a.jar", TwoClasses().ToJar())]);

        Assert.Empty(rule.Stub!.Methods);                                   // a stub: hierarchy only
        Assert.Equal(new DiagnosticLocation("a.jar", rule.StubEntry!), rule.Stub.Location);
        Assert.Same(rule.Stub.Location, rule.Stub.Location);                 // made once
        Assert.Equal(rule.StubEntry!.Replace("p/B", "p/A"), rule.Read!.Location.Entry);
        Assert.Equal("p.A", rule.Read.Location.Class);
        var copy = rule.Stub with { AccessFlags = 0 };                      // a copy keeps the entry it points at
        Assert.Equal(rule.Stub.Location, copy.Location);
    }

    [Fact]
    public void Each_artifact_gets_its_own_flow()
    {
        var rules = new TwoRules();
        new ScanEngine([rules], maxDegreeOfParallelism: 1).Scan([ScanInput.FromBytes("a.jar", TwoClasses().ToJar()), ScanInput.FromBytes("b.jar", TwoClasses().ToJar())]);
        Assert.Equal(4, rules.Flows.Count);
        Assert.Equal(2, rules.Flows.Distinct().Count());
    }

    [Fact]
    public void A_graph_is_built_from_bytes_without_an_analyzer()
    {
        var graph = ArtifactFlow.BuildGraph(ScanInput.FromBytes("a.jar", TwoClasses().ToJar()));
        var a = graph.FindMethod(new MethodKey("p/A", "a", "()V"))!;
        Assert.Equal("p/B", Assert.Single(graph.Resolve(Assert.Single(a.Calls))).Method.Owner);
        Assert.Equal(["p/A", "p/B"], graph.Classes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Building_the_graph_of_an_unreadable_input_throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ArtifactFlow.BuildGraph(ScanInput.FromPath(Path.Combine(Path.GetTempPath(), "no-such-input-" + Guid.NewGuid() + ".jar"))));
        Assert.Contains("could not be read", e.Message);
    }

    [Fact]
    public void The_end_context_finds_no_flow_when_no_rule_asked_for_one()
    {
        Exception? thrown = null;
        var probe = new EndOnly(end => thrown = Record.Exception(() => ArtifactFlow.Of(end)));
        new ScanEngine([probe]).Scan([ScanInput.FromBytes("a.jar", TwoClasses().ToJar())]);
        Assert.IsType<InvalidOperationException>(thrown);
    }

    private sealed class EndOnly(Action<ArtifactEndContext> atEnd) : BytecodeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterArtifactStartAction(start => start.RegisterArtifactEndAction(atEnd));
    }
}
