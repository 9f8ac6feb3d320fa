namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// One finding. <see cref="Properties"/> carries the rule's numbers (counts, estimates in bytes)
/// into every output format; <see cref="Evidence"/> is a short line-number-free description of
/// what triggered it, used with the rule id and symbol for baselines and SARIF fingerprints.
/// </summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    Severity Severity,
    string Message,
    DiagnosticLocation Location,
    IReadOnlyDictionary<string, double> Properties,
    string Evidence)
{
    public string Id => Descriptor.Id;

    /// <summary>Set when a suppression (annotation, config, baseline) applies; the finding is kept but does not count.</summary>
    public string? SuppressedBy { get; init; }

    public bool IsSuppressed => SuppressedBy is not null;

    public static Diagnostic Create(
        DiagnosticDescriptor descriptor,
        DiagnosticLocation location,
        IReadOnlyDictionary<string, double>? properties,
        string evidence,
        params object?[] messageArgs) =>
        new(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(messageArgs), location,
            properties ?? new Dictionary<string, double>(), evidence);
}
