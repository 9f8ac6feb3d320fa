using System.Globalization;
using BytecodeLint.Analysis.HotSpot;

namespace BytecodeLint.Cli.Commands.Simulate;

/// <summary><c>simulate --format text</c>: a short human-readable account per class.</summary>
internal static class SimulateTextWriter
{
    public static void Write(TextWriter output, SimulateReport report)
    {
        output.WriteLine($"simulate {report.OriginalPath} -> {report.TransformedPath} on {report.Profile}, {Count(report.Retransforms)} retransform(s){(report.Unverified ? ", class not verified" : "")}");
        if (!report.Inputs.IsClassPair)
        {
            output.WriteLine($"  {report.Classes.Count} changed class(es), {report.Inputs.Unchanged} unchanged, {report.Inputs.OnlyInOriginal.Count} only in the original, {report.Inputs.OnlyInTransformed.Count} only in the transformed input");
            foreach (var problem in report.Inputs.Problems) output.WriteLine($"  problem: {problem.Location}: {problem.Message}");
        }
        foreach (var result in report.Classes) WriteClass(output, report, result);
        if (!report.Inputs.IsClassPair && report.Classes.Count > 1)
            output.WriteLine($"total: {Count(report.Classes.Sum(c => c.First.WidenedLdc))} widened ldc, ≈ {Bytes(report.Classes.Sum(c => c.First.EstimatedBytes))} of Metaspace on the first retransform");
    }

    private static void WriteClass(TextWriter output, SimulateReport report, SimulateClassResult result)
    {
        var first = result.First;
        output.WriteLine();
        output.WriteLine($"{result.Pair.Original.Name}{(result.Simulation.Source == ScratchSource.Reconstituted ? " (identical inputs: no transformer, the JVM's reconstituted bytes are retransformed)" : "")}");
        output.WriteLine($"  constant pool: old {Count(first.OldConstantPoolCount)}, scratch {Count(first.ScratchConstantPoolCount)}, merged {Count(first.MergedConstantPoolCount)}; index map {Count(first.IndexMapLength)}; appended {Count(first.AppendedEntries)}");
        output.WriteLine($"  widened ldc: {Count(first.WidenedLdc)}; Metaspace for the first retransform ≈ {Bytes(first.EstimatedBytes)} (first fit {Bytes(first.FirstFitBytes)})");
        foreach (var method in first.Methods.Where(m => m.WidenedLdc > 0).OrderByDescending(m => m.EstimatedBytes))
            output.WriteLine($"    {method.Name}{method.Descriptor}: {Count(method.WidenedLdc)} widened, S = {Count(method.S)}, ≈ {Bytes(method.EstimatedBytes)}");
        if (result.IndyRelink is { SpinningSites: > 0 } indy)
            output.WriteLine($"  indy re-link (BL0005): {Count(indy.LambdaSites)} lambda and {Count(indy.TypeSwitchSites)} type-switch site(s) spin a new class each time they run after a retransform: ≈ {Bytes((long)indy.BytesPerRetransform)} per retransform, ≈ {Bytes((long)indy.BytesAfter(report.Retransforms))} after {Count(report.Retransforms)} (linear; loaded classes +{Count(indy.SpinningSites)} per retransform)");
        if (!result.Repeated) return;
        var simulation = result.Simulation;
        var sizes = simulation.ConstantPoolSizes;
        string sequence = sizes.Count <= 16
            ? string.Join(" → ", sizes.Select(s => Count(s)))
            : string.Join(" → ", sizes.Take(8).Select(s => Count(s))) + " → … → " + Count(sizes[^1]);
        output.WriteLine($"  {Count(simulation.Steps.Count)} retransform(s): pool {Count(first.OldConstantPoolCount)} → {sequence}; growth per retransform {Count(simulation.GrowthPerRetransform)}; {Count(simulation.TotalWidenedLdc)} widened ldc in all");
        if (simulation.OverflowAtRetransform is { } overflow)
            output.WriteLine($"  retransform {Count(overflow)} passes 65,535 pool entries: {report.OverflowOutcome}");
        output.WriteLine($"  Metaspace after {Count(simulation.Steps.Count)} retransform(s) ≈ {Bytes(simulation.EstimatedBytesAfterRetransforms)}");
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
