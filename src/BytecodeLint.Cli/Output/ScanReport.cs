using BytecodeLint.Analysis;

namespace BytecodeLint.Cli.Output;

/// <summary>Everything a formatter needs: the scan result and the settings it ran with.</summary>
public sealed record ScanReport(ScanResult Result, JdkTarget TargetJdk)
{
    /// <summary>Findings that count (not suppressed).</summary>
    public IEnumerable<Diagnostic> Active => Result.Diagnostics.Where(d => !d.IsSuppressed);
}

/// <summary>Writes a scan report in one format.</summary>
public interface IScanFormatter
{
    void Write(ScanReport report, TextWriter writer);
}
