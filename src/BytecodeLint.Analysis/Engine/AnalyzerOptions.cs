using System.Globalization;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Everything a rule may read besides the bytecode: the target JDK, per-rule settings
/// (<c>bytecodelint.BL0003.threshold_mib = 64</c> arrives as key <c>BL0003.threshold_mib</c>),
/// severity overrides already resolved per rule id, and the source roots used to map classes to files.
/// </summary>
public sealed record AnalyzerOptions
{
    public static AnalyzerOptions Default { get; } = new();

    public JdkTarget TargetJdk { get; init; } = JdkTarget.Any;

    /// <summary>Rule settings keyed <c>RULEID.name</c> (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> RuleSettings { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Effective severity per rule id; a null value disables the rule. Absent ids use the default.</summary>
    public IReadOnlyDictionary<string, Severity?> SeverityOverrides { get; init; } =
        new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Simple names of the annotations that suppress findings in bytecode.</summary>
    public IReadOnlyList<string> SuppressionAnnotations { get; init; } = ["SuppressBytecodeLint"];

    /// <summary>Folders holding Java sources by package (e.g. <c>src/main/java</c>).</summary>
    public IReadOnlyList<string> SourceRoots { get; init; } = [];

    /// <summary>Which class entries are visited (<c>bytecodelint.include</c>/<c>exclude</c>); null visits all.</summary>
    public EntryFilter? EntryFilter { get; init; }

    /// <summary>An agent's class dumps to compare scanned classes with (<c>scan --transformed</c>); null when none.</summary>
    public TransformedClassSet? TransformedClasses { get; init; }

    /// <summary>Counters a progress display reads while the scan runs; null when nobody watches.</summary>
    public ScanProgress? Progress { get; init; }

    /// <summary>A declared rule option's configured value, or its default when unset.</summary>
    public double GetValue(RuleOption option) =>
        RuleSettings.TryGetValue(option.RuleId + "." + option.Name, out var text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : option.DefaultValue;

    /// <summary>The effective severity of a rule, or null when it is disabled.</summary>
    public Severity? EffectiveSeverity(DiagnosticDescriptor descriptor)
    {
        if (SeverityOverrides.TryGetValue(descriptor.Id, out var severity)) return severity;
        return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null;
    }
}
