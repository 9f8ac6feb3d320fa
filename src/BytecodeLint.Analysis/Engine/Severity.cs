namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// How loud a diagnostic is. Mirrors Roslyn's levels and their global-config names
/// (<c>silent</c>, <c>suggestion</c>, <c>warning</c>, <c>error</c>; <c>none</c> disables a rule).
/// SARIF levels: silent → none, suggestion → note.
/// </summary>
public enum Severity
{
    /// <summary>Reported only in machine-readable outputs (Roslyn "silent"/hidden).</summary>
    Hidden = 0,

    /// <summary>Roslyn "suggestion" (info), SARIF "note".</summary>
    Note = 1,

    Warning = 2,

    Error = 3,
}

public static class SeverityNames
{
    /// <summary>The lower-case name used in text, msbuild and JSON output.</summary>
    public static string ToDisplayName(this Severity severity) => severity switch
    {
        Severity.Hidden => "hidden",
        Severity.Note => "note",
        Severity.Warning => "warning",
        _ => "error",
    };

    /// <summary>Parses a global-config or command-line severity; <c>none</c> yields null (rule disabled).</summary>
    public static bool TryParse(string text, out Severity? severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "none": severity = null; return true;
            case "silent" or "hidden": severity = Severity.Hidden; return true;
            case "suggestion" or "info" or "note": severity = Severity.Note; return true;
            case "warning": severity = Severity.Warning; return true;
            case "error": severity = Severity.Error; return true;
            default: severity = null; return false;
        }
    }
}
