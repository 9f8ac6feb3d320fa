using BytecodeLint.Analysis.Baseline;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Scanning;

/// <summary>
/// The final outcome of a scan with every policy step applied: the findings (suppressed ones kept and
/// marked), per-input summaries, the inputs that could not be read, and what the policy steps did.
/// Formatters write it; nothing in it depends on the host.
/// </summary>
public sealed record ScanReport(ScanResult Result, JdkTarget TargetJdk)
{
    /// <summary>Findings that count (not suppressed).</summary>
    public IEnumerable<Diagnostic> Active => Result.Diagnostics.Where(d => !d.IsSuppressed);

    /// <summary>Top-level inputs that could not be read at all; the run failed for them (exit 2) but the rest was scanned.</summary>
    public IReadOnlyList<InputError> InputErrors => Result.InputErrors;

    /// <summary>What <c>--baseline</c> did (findings it covered, stale entries), when one was given.</summary>
    public BaselineOutcome? Baseline { get; init; }

    /// <summary>What pair mode did, when transformed classes were given.</summary>
    public PairModeSummary? PairMode { get; init; }

    /// <summary>The config files read, in the order read.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>Lines for a person (config conflicts, stale baseline entries, …), in the order they arose.</summary>
    public IReadOnlyList<ScanNote> Notes { get; init; } = [];
}

/// <summary>A line the host shows a person; <see cref="Detailed"/> ones only at detailed verbosity.</summary>
public sealed record ScanNote(string Text, bool IsWarning = false, bool Detailed = false);

/// <summary>A problem with what the scan was asked to do (configuration, baseline, dumps): the user fixes it; nothing was scanned.</summary>
public sealed class ScanSetupException(string message, Exception? inner = null) : Exception(message, inner);
