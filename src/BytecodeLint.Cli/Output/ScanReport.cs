using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Output;

/// <summary>Everything a formatter needs: the scan result and the settings it ran with.</summary>
public sealed record ScanReport(ScanResult Result, JdkTarget TargetJdk)
{
    /// <summary>Findings that count (not suppressed).</summary>
    public IEnumerable<Diagnostic> Active => Result.Diagnostics.Where(d => !d.IsSuppressed);

    /// <summary>What <c>--baseline</c> did (findings it covered, stale entries), when one was given.</summary>
    public BytecodeLint.Analysis.Baseline.BaselineOutcome? Baseline { get; init; }
}

/// <summary>Writes a scan report in one format.</summary>
public interface IScanFormatter
{
    void Write(ScanReport report, TextWriter writer);
}
