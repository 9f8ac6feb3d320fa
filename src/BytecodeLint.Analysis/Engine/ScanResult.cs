namespace BytecodeLint.Analysis.Engine;

/// <summary>What was read from one command-line input.</summary>
public sealed record InputSummary(
    string Path,
    int ClassEntries,
    int Classes,
    int ParseErrors,
    int NestedArchives,
    IReadOnlyList<string> AgentArchives,
    TimeSpan Elapsed);

/// <summary>The outcome of a scan: per-input summaries and every diagnostic in deterministic order.</summary>
public sealed record ScanResult(IReadOnlyList<InputSummary> Inputs, IReadOnlyList<Diagnostic> Diagnostics);
