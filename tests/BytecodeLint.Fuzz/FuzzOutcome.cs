namespace BytecodeLint.Fuzz;

/// <summary>What went wrong with one fuzz input; a run passes when it records none.</summary>
public enum FailureKind
{
    /// <summary>An exception escaped the engine or the inventory.</summary>
    Crash,
    /// <summary>A rule threw (BL9003).</summary>
    RuleFailed,
    /// <summary>The input took longer than its time bound.</summary>
    Hang,
    /// <summary>Managed memory grew past the bound.</summary>
    Memory,
    /// <summary>A class neither parsed nor produced a BL9xxx diagnostic with an offset.</summary>
    Unaccounted,
}

/// <summary>One failure, with the file its input was saved to (when a crash folder was given).</summary>
public sealed record FuzzFailure(FailureKind Kind, string Input, string Detail, string? SavedAs);

/// <summary>Totals of a run.</summary>
public sealed record FuzzReport(
    int Seed,
    long MutatedClasses,
    long MutatedArchives,
    long ParsedClasses,
    long Bl9Diagnostics,
    long Findings,
    TimeSpan Elapsed,
    double SlowestClassSeconds,
    long PeakManagedBytes,
    IReadOnlyList<FuzzFailure> Failures)
{
    public int Count(FailureKind kind) => Failures.Count(f => f.Kind == kind);

    public override string ToString() =>
        $"seed {Seed}: {MutatedClasses:N0} mutated classes and {MutatedArchives:N0} mutated archives in {Elapsed.TotalSeconds:F1} s; " +
        $"{ParsedClasses:N0} classes parsed, {Bl9Diagnostics:N0} BL9xxx diagnostics, {Findings:N0} findings; " +
        $"slowest class batch {SlowestClassSeconds * 1000:F1} ms per class; peak managed heap {PeakManagedBytes / (1 << 20)} MiB; " +
        $"crashes {Count(FailureKind.Crash)}, rule failures {Count(FailureKind.RuleFailed)}, hangs {Count(FailureKind.Hang)}, " +
        $"memory {Count(FailureKind.Memory)}, unaccounted {Count(FailureKind.Unaccounted)}";
}
