using BytecodeLint.Metaspace.Analysis;

namespace BytecodeLint.Cli.Commands.Metaspace;

/// <summary>The human-readable <c>bytecodelint metaspace</c> report: verdict first, then the evidence.</summary>
internal static class MetaspaceTextWriter
{
    public static void Write(TextWriter output, MetaspaceDiagnosis d, string? plotPath)
    {
        output.WriteLine(d.Headline);
        output.WriteLine();
        output.WriteLine($"  Input:    {string.Join(", ", d.Sources.Select(Path.GetFileName))}{(d.JvmVersion != null ? $" (JVM {d.JvmVersion})" : "")}");
        var l = d.Lines;
        output.WriteLine($"  Lines:    {SizeFormat.Count(l.Lines)} read: {SizeFormat.Count(l.Used)} used, {SizeFormat.Count(l.Skipped)} skipped, {SizeFormat.Count(l.NotUnderstood)} not understood"
                         + (l.Interleaved > 0 ? $", {SizeFormat.Count(l.Interleaved)} interleaved" : "")
                         + (l.TooLong > 0 ? $", {SizeFormat.Count(l.TooLong)} too long" : ""));
        var growing = d.Classes.Count(c => c.Pattern is PoolGrowthPattern.Constant or PoolGrowthPattern.Doubling);
        output.WriteLine($"  Readings: {SizeFormat.Count(d.Series.Count)} Metaspace readings, {SizeFormat.Count(d.Collections)} collections"
                         + (d.Redefinitions > 0 ? $", {SizeFormat.Count(d.Redefinitions)} redefinitions of {SizeFormat.Count(d.Classes.Count)} class{(d.Classes.Count == 1 ? "" : "es")}" : "")
                         + (growing > 0 ? $", {growing} growing on every redefinition" : ""));
        output.WriteLine();
        foreach (var e in d.Evidence)
            output.WriteLine("  - " + e);
        if (l.Examples.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"  Not understood ({SizeFormat.Count(l.NotUnderstood)} line{(l.NotUnderstood == 1 ? "" : "s")}, first {l.Examples.Count}):");
            foreach (var x in l.Examples)
                output.WriteLine($"    {Path.GetFileName(x.Position.Source)}:{x.Position.Line}: {x.Reason}: {x.Text}");
        }
        if (plotPath != null)
        {
            output.WriteLine();
            output.WriteLine($"  Plot:     {plotPath}");
        }
    }
}
