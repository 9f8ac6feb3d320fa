using BytecodeLint.Analysis.Scanning;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>Writes a scan report in one format.</summary>
public interface IScanFormatter
{
    void Write(ScanReport report, TextWriter writer);
}
