using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Scanning;

/// <summary>
/// Everything one scan needs, host-neutral: the CLI, the MSBuild task (through the CLI) and library
/// callers fill this and call <see cref="ScanPipeline.Run"/>; they all get the same findings.
/// </summary>
public sealed record ScanRequest
{
    /// <summary>What to scan: paths or bytes.</summary>
    public required IReadOnlyList<ScanInput> Inputs { get; init; }

    /// <summary>Global config files named explicitly (<c>--config</c>); each must exist.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>Also read the <c>.globalconfig</c> files in this folder and above (null: none).</summary>
    public string? DiscoverConfigFrom { get; init; }

    /// <summary>The JDK the code runs on; wins over <c>bytecodelint.target_jdk</c>.</summary>
    public JdkTarget? TargetJdk { get; init; }

    /// <summary>Folders of Java sources by package; replace <c>bytecodelint.source_roots</c>.</summary>
    public IReadOnlyList<string>? SourceRoots { get; init; }

    /// <summary>A baseline file: findings listed in it are reported as suppressed.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Write a baseline accepting every current finding (the findings are then marked baselined).</summary>
    public string? WriteBaselinePath { get; init; }

    /// <summary>An agent's class dumps (folder or jar) for BL0002's pair mode.</summary>
    public ScanInput? Transformed { get; init; }

    /// <summary>Threads used to analyse classes; 0 means the processor count. The output does not depend on it.</summary>
    public int Parallelism { get; init; }

    /// <summary>Counters for a progress display; null when nobody watches.</summary>
    public ScanProgress? Progress { get; init; }

    public InputLimits? Limits { get; init; }

    /// <summary>The rules to run; null runs every rule that ships.</summary>
    public IReadOnlyList<BytecodeAnalyzer>? Analyzers { get; init; }
}
