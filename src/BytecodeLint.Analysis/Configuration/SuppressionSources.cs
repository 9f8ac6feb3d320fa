namespace BytecodeLint.Analysis.Configuration;

/// <summary>
/// How <see cref="Diagnostic.SuppressedBy"/> says where a suppression came from. The engine writes
/// <c>@SuppressBytecodeLint on …</c> for annotations; config and baseline suppressions start with the
/// prefixes below. SARIF calls the first kind <c>inSource</c> and the other two <c>external</c>.
/// </summary>
public static class SuppressionSources
{
    public const string ConfigPrefix = "config: ";
    public const string BaselinePrefix = "baseline: ";

    public static bool IsExternal(string suppressedBy) =>
        suppressedBy.StartsWith(ConfigPrefix, StringComparison.Ordinal) || suppressedBy.StartsWith(BaselinePrefix, StringComparison.Ordinal);

    public static bool IsBaseline(string suppressedBy) => suppressedBy.StartsWith(BaselinePrefix, StringComparison.Ordinal);
}
