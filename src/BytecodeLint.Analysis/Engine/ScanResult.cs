namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// What was read from one command-line input. <see cref="ClassBytes"/> is the declared uncompressed size
/// of its class entries (what a throughput in MB/s is measured against).
/// </summary>
public sealed record InputSummary(
    string Path,
    int ClassEntries,
    long ClassBytes,
    int Classes,
    int ParseErrors,
    int NestedArchives,
    IReadOnlyList<string> AgentArchives,
    TimeSpan Elapsed);

/// <summary>A top-level input that could not be read at all (missing, not a class file or archive).</summary>
public sealed record InputError(string Path, string Message);

/// <summary>
/// The outcome of a scan: per-input summaries of the inputs read, every diagnostic in deterministic
/// order, and the inputs that could not be read at all (in input order).
/// </summary>
public sealed record ScanResult(IReadOnlyList<InputSummary> Inputs, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyList<InputError> InputErrors { get; init; } = [];
}
