namespace BytecodeLint.Cli.Terminal;

/// <summary>How chatty a command is on standard error (<c>-v/--verbosity</c>), with dotnet's five levels.</summary>
public enum Verbosity
{
    /// <summary>Errors only: no progress, no notes.</summary>
    Quiet,

    /// <summary>Errors, warnings and progress; bytecodelint has few notes, so this prints what normal does.</summary>
    Minimal,

    /// <summary>Progress on a terminal, notes (baseline, config warnings).</summary>
    Normal,

    /// <summary>Also the config files read and per-input timings.</summary>
    Detailed,

    /// <summary>Everything detailed prints; kept so `-v diag` works as it does with dotnet.</summary>
    Diagnostic,
}

/// <summary>
/// When to decorate the console. Progress needs an interactive standard error, no <c>CI</c> variable
/// (CI logs keep every carriage-return frame) and a verbosity above quiet. Colour needs the stream to
/// be a terminal, no <c>NO_COLOR</c> (https://no-color.org) and a <c>TERM</c> other than <c>dumb</c>.
/// Pure functions of their inputs, so tests need no terminal.
/// </summary>
public static class TerminalPolicy
{
    /// <summary>The spellings dotnet accepts, in help order.</summary>
    public const string VerbosityNames = "q[uiet], m[inimal], n[ormal], d[etailed] or diag[nostic]";

    public static bool ShowProgress(bool stderrRedirected, Func<string, string?> environment, Verbosity verbosity) =>
        verbosity != Verbosity.Quiet && !stderrRedirected && string.IsNullOrEmpty(environment("CI")) && !IsDumb(environment);

    public static bool UseColor(bool streamRedirected, Func<string, string?> environment) =>
        !streamRedirected && string.IsNullOrEmpty(environment("NO_COLOR")) && !IsDumb(environment);

    private static bool IsDumb(Func<string, string?> environment) => environment("TERM") == "dumb";

    /// <summary>dotnet's verbosity names and abbreviations, case-insensitive; null when <paramref name="text"/> is none of them.</summary>
    public static Verbosity? TryParseVerbosity(string? text) => text?.ToLowerInvariant() switch
    {
        "q" or "quiet" => Verbosity.Quiet,
        "m" or "minimal" => Verbosity.Minimal,
        "n" or "normal" => Verbosity.Normal,
        "d" or "detailed" => Verbosity.Detailed,
        "diag" or "diagnostic" => Verbosity.Diagnostic,
        _ => null,
    };
}
