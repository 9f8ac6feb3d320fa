namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// What a rule can report, declared once (Roslyn's <c>DiagnosticDescriptor</c>): a stable id, a title
/// without trailing period, a one-sentence message format with <c>{0}</c>-style placeholders, a
/// category, a default severity, whether it runs by default, and the help link to its doc page.
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
    /// <summary>Where rule pages are published; the same Markdown ships inside the assembly for <c>explain</c>.</summary>
    public const string HelpBaseUri = "https://github.com/bytecodelint/bytecodelint/blob/main/docs/rules/";

    public string HelpLink => HelpBaseUri + Id + ".md";

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
