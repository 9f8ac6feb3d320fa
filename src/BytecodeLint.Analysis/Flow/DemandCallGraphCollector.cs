using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// What a demand-driven call graph reads in depth (see <see cref="DemandCallGraphCollector"/>).
/// </summary>
/// <param name="Selects">Round 1, during the visit: the class (with its internal name, decoded once for all demands) takes part: its constant pool names something the rule follows, or its entry is in code the rule covers.</param>
/// <param name="IsSeedType">Round 2, at the end: a simple class name whose subtypes in the artifact, and the classes naming them, matter too.</param>
public sealed record CallGraphDemand(Func<ClassAnalysisContext, string, bool> Selects, SimpleNameTest IsSeedType)
{
    /// <summary>Every class in depth, no seed types: the whole artifact's graph (small inputs, tests).</summary>
    public static readonly CallGraphDemand Everything = new((_, _) => true, _ => false);
}

/// <summary>A test on a class's simple name (after the last <c>/</c>), given as a span so that no string is cut per class.</summary>
public delegate bool SimpleNameTest(ReadOnlySpan<char> simpleName);

/// <summary>
/// The demand-driven strategy of <see cref="ArtifactFlow"/>: an <see cref="ArtifactCallGraph"/> that holds method facts only for the classes a rule
/// needs, instead of for every class of the artifact (kotlin-compiler: 22k classes, 168k methods,
/// for 4 writer sites; docs/performance.md). Every class still enters the graph's hierarchy as a
/// stub (names, superclass, interfaces: no members). Facts are extracted:
/// <list type="number">
/// <item>during the visit, for classes the rule <see cref="CallGraphDemand.Selects"/> (their pool names a followed API);</item>
/// <item>at the end, by reading the entry again, for stubs that are subtypes of a seed type or
/// whose pool names one as a class constant (a factory calling <c>new MyWriter(0)</c>, where only
/// <c>MyWriter</c> extends <c>ClassWriter</c>);</item>
/// <item>on request (<see cref="DemandCallGraph.WithCallPathsFrom"/>), for stubs that given roots
/// reach through calls, round after round, so a transformer's path through helpers that name none
/// of the APIs is complete.</item>
/// </list>
/// Limit: a value that crosses a stub class's method without its type being named there (passed as
/// <c>Object</c> through an unrelated helper) is not followed.
/// </summary>
public static class DemandCallGraphCollector
{
    /// <summary>States the demand to the artifact's shared <see cref="ArtifactFlow"/> and hands its graph to <paramref name="onComplete"/> at the end.</summary>
    public static void Register(ArtifactStartContext context, CallGraphDemand demand, Action<ArtifactEndContext, DemandCallGraph> onComplete)
    {
        var flow = ArtifactFlow.Of(context);
        var handle = flow.Require(demand);
        context.RegisterArtifactEndAction(end => onComplete(end, flow.Graph(handle, end)));
    }
}
