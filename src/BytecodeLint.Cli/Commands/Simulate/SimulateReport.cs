using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.Analysis.Rules.Retransform.IndyRelink;

namespace BytecodeLint.Cli.Commands.Simulate;

/// <summary>The simulation of one class pair, as both output formats present it.</summary>
internal sealed record SimulateClassResult(SimulatePair Pair, RetransformSimulation Simulation, IndyRelinkEstimate IndyRelink)
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
        var classes = new List<SimulateClassResult>();
        foreach (var pair in inputs.Pairs)
        {
            // Code is decoded here, after the structural parse: a bad instruction is reported
            // against the side it is in (exit 2 for a class pair, a problem for a jar pair).
            var original = Model(inputs, pair.Original, inputs.IsClassPair ? originalPath : originalPath + "!/" + pair.Location);
            var transformed = pair.Identical ? null : Model(inputs, pair.Transformed, inputs.IsClassPair ? transformedPath : transformedPath + "!/" + pair.Location);
            if (original is null || (!pair.Identical && transformed is null)) continue;
            // What runs after the retransform is the transformed class: its lambda sites re-link (BL0005).
            var indy = IndyRelinkEstimate.Of(pair.Identical ? pair.Original : pair.Transformed, profile.Target);
            classes.Add(new SimulateClassResult(pair, HotSpotModel.Simulate(original, transformed, profile, retransforms, unverified), indy));
        }
        return new SimulateReport(originalPath, transformedPath, profile, retransforms, unverified, inputs, classes);
    }

    private static ClassModel? Model(SimulateInputs inputs, BytecodeLint.ClassFile.JavaClass javaClass, string location)
    {
        try
        {
            return ClassModel.From(javaClass);
        }
        catch (BytecodeLint.ClassFile.ClassFormatException e)
        {
            if (inputs.IsClassPair) throw new UserErrorException($"{location}: {e.Message}");
            inputs.Problems.Add(new SimulateProblem(location, e.Message));
            return null;
        }
    }

    /// <summary>How HotSpot treats a merge past 65,535 entries on the simulated JDK.</summary>
    public string OverflowOutcome => Profile.RejectsPoolOverflow
        ? "the JVM refuses the redefinition (\"Merged constant pool overflow\"); retransformClasses throws nothing"
        : "no overflow check: JDK 17 returned a corrupt oversized pool and then hung inside retransformClasses";

    public static string SourceText(ScratchSource source) => source == ScratchSource.Reconstituted
        ? "reconstituted"
        : "transformed";
}
