using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>Pair mode from memory: originals as app.jar, the agent's versions as dump.jar, through the scan pipeline.</summary>
internal static class PairScan
{
    public static IReadOnlyList<Diagnostic> Run(string ruleId, IEnumerable<(byte[] Original, byte[] Transformed)> pairs, string? targetJdk = null)
    {
        var app = new ZipBuilder();
        var dumps = new ZipBuilder();
        foreach (var (original, transformed) in pairs)
        {
            app.Add(JavaClass.Parse(original).Name + ".class", original);
            dumps.Add(JavaClass.Parse(transformed).Name + ".class", transformed);
        }
        var report = ScanPipeline.Run(new ScanRequest
        {
            Inputs = [ScanInput.FromBytes("app.jar", app.Build())],
            Transformed = ScanInput.FromBytes("dump.jar", dumps.Build()),
            TargetJdk = JdkTarget.Parse(targetJdk),
        });
        return report.Result.Diagnostics.Where(d => d.Id == ruleId).ToList();
    }

    public static IReadOnlyList<Diagnostic> Run(string ruleId, byte[] original, byte[] transformed, string? targetJdk = null) =>
        Run(ruleId, [(original, transformed)], targetJdk);
}
