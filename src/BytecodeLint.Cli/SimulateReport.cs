using BytecodeLint.Analysis.HotSpot;

namespace BytecodeLint.Cli;

/// <summary>The simulation of one class pair, as both output formats present it.</summary>
internal sealed record SimulateClassResult(SimulatePair Pair, RetransformSimulation Simulation)
{
    public MergeOutcome First => Simulation.First;

    public bool Repeated => Simulation.RequestedRetransforms > 1;
}

/// <summary>What <c>simulate</c> prints: the settings, every simulated class and the jar-pair bookkeeping.</summary>
internal sealed record SimulateReport(string OriginalPath, string TransformedPath, JdkProfile Profile, int Retransforms, bool Unverified,
    SimulateInputs Inputs, IReadOnlyList<SimulateClassResult> Classes)
{
    public static SimulateReport Run(string originalPath, string transformedPath, JdkProfile profile, int retransforms, bool unverified)
    {
        var inputs = SimulateInputs.Load(originalPath, transformedPath);
        var classes = inputs.Pairs
            .Select(pair => new SimulateClassResult(pair, HotSpotModel.Simulate(pair.Original, pair.Identical ? null : pair.Transformed, profile, retransforms, unverified)))
            .ToList();
        return new SimulateReport(originalPath, transformedPath, profile, retransforms, unverified, inputs, classes);
    }

    /// <summary>How HotSpot treats a merge past 65,535 entries on the simulated JDK.</summary>
    public string OverflowOutcome => Profile.RejectsPoolOverflow
        ? "the JVM refuses the redefinition (\"Merged constant pool overflow\"); retransformClasses throws nothing"
        : "no overflow check: JDK 17 returned a corrupt oversized pool and then hung inside retransformClasses";

    public static string SourceText(ScratchSource source) => source == ScratchSource.Reconstituted
        ? "reconstituted"
        : "transformed";
}
