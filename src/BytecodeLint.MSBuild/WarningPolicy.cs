using System;
using System.Collections.Generic;

namespace BytecodeLint.MSBuild;

/// <summary>What the task does with one finding.</summary>
internal enum LogAction
{
    /// <summary>Not logged as a diagnostic (hidden severity); a low-importance message at most.</summary>
    Message,

    Suggestion,
    Warning,
    Error,
}

/// <summary>
/// Applies the MSBuild warning knobs to a finding, the way the C# compiler and NuGet do: NoWarn
/// silences warnings (never errors), WarningsAsErrors promotes named warnings, TreatWarningsAsErrors
/// promotes all warnings except WarningsNotAsErrors. The task applies them itself because MSBuild
/// ignores TreatWarningsAsErrors for task warnings and all of them in multi-targeting outer builds.
/// </summary>
internal sealed class WarningPolicy
{
    private readonly HashSet<string> _noWarn;
    private readonly HashSet<string> _warningsAsErrors;
    private readonly HashSet<string> _warningsNotAsErrors;
    private readonly bool _treatWarningsAsErrors;

    public WarningPolicy(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors)
    {
        _noWarn = ParseCodes(noWarn);
        _warningsAsErrors = ParseCodes(warningsAsErrors);
        _warningsNotAsErrors = ParseCodes(warningsNotAsErrors);
        _treatWarningsAsErrors = treatWarningsAsErrors;
    }

    /// <summary>Decides how to log a finding; <paramref name="itemNoWarn"/> is the input item's own NoWarn.</summary>
    public LogAction Decide(string id, string severity, ISet<string>? itemNoWarn)
    {
        switch (severity)
        {
            case "error":
                return LogAction.Error;
            case "warning":
                if (_noWarn.Contains(id) || (itemNoWarn != null && itemNoWarn.Contains(id))) return LogAction.Message;
                if (_warningsAsErrors.Contains(id)) return LogAction.Error;
                if (_treatWarningsAsErrors && !_warningsNotAsErrors.Contains(id)) return LogAction.Error;
                return LogAction.Warning;
            case "note":
            case "suggestion":
            case "info":
                return LogAction.Suggestion;
            default:
                return LogAction.Message;
        }
    }

    /// <summary>Splits a code list as MSBuild and csc do: separated by ';' or ',', blanks ignored, case-insensitive.</summary>
    public static HashSet<string> ParseCodes(string? codes)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(codes)) return result;
        foreach (var part in codes!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var code = part.Trim();
            if (code.Length > 0) result.Add(code);
        }
        return result;
    }
}
