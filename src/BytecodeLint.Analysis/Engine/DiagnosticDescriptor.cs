namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// What a rule can report, declared once (Roslyn's <c>DiagnosticDescriptor</c>): a stable id (from
/// <see cref="RuleIds"/>), a title without trailing period, a one-sentence message format with
/// <c>{0}</c>-style placeholders, a category, a default severity, whether it runs by default, the help
/// link to its doc page, and the options the rule reads. A rule may declare several descriptors under
/// one id (different messages or default severities); configuration by id applies to all of them.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    Severity DefaultSeverity,
    bool IsEnabledByDefault,
    string Description)
{
    public string HelpLink => RuleIds.HelpLink(Id);

    /// <summary>The options the rule reads (<c>bytecodelint.ID.name</c>); empty for most rules.</summary>
    public IReadOnlyList<RuleOption> Options { get; init; } = [];

    public string FormatMessage(params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}

/// <summary>Rule categories, used by <c>dotnet_analyzer_diagnostic.category-&lt;Cat&gt;.severity</c>.</summary>
public static class Categories
{
    /// <summary>Bytecode that makes retransformation leak or explode Metaspace.</summary>
    public const string Retransform = "Retransform";

    /// <summary>Agent packaging and java.lang.instrument API use.</summary>
    public const string Agent = "Agent";

    /// <summary>Problems reading the inputs themselves.</summary>
    public const string Input = "Input";
}
