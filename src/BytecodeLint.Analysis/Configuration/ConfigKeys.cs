using System.Text.RegularExpressions;

namespace BytecodeLint.Analysis.Configuration;

/// <summary>The key names BytecodeLint reads from global config files.</summary>
public static partial class ConfigKeys
{
    public const string Prefix = "bytecodelint.";
    public const string TargetJdk = "bytecodelint.target_jdk";
    public const string SourceRoots = "bytecodelint.source_roots";
    public const string Include = "bytecodelint.include";
    public const string Exclude = "bytecodelint.exclude";
    public const string SuppressionAnnotations = "bytecodelint.suppression_annotations";
    public const string SuppressPrefix = "bytecodelint.suppress.";
    public const string DiagnosticPrefix = "dotnet_diagnostic.";
    public const string AllSeverity = "dotnet_analyzer_diagnostic.severity";
    public const string CategoryPrefix = "dotnet_analyzer_diagnostic.category-";
    public const string SeveritySuffix = ".severity";

    /// <summary>
    /// Keys BytecodeLint owns: <c>bytecodelint.*</c> and <c>dotnet_diagnostic.BLnnnn.*</c>. Other keys
    /// (CA/IDE rules, code style) belong to Roslyn in a shared <c>.globalconfig</c> and are left alone.
    /// </summary>
    public static bool IsOurs(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) || OurDiagnosticKey().IsMatch(key);

    [GeneratedRegex(@"^dotnet_diagnostic\.bl\d{4}\.", RegexOptions.CultureInvariant)]
    private static partial Regex OurDiagnosticKey();
}
