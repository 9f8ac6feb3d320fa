namespace BytecodeLint.Cli.Terminal;

/// <summary>How chatty the scan is on standard error (<c>--verbosity</c>).</summary>
public enum Verbosity
{
    /// <summary>Errors only: no progress, no notes.</summary>
    Quiet,

    /// <summary>Progress on a terminal, notes (baseline, config warnings).</summary>
    Normal,

    /// <summary>Also the config files read and per-input timings.</summary>
    Detailed,
}

/// <summary>
/// When to decorate the console. Progress needs an interactive standard error, no <c>CI</c> variable
/// (CI logs keep every carriage-return frame) and a verbosity above quiet. Colour needs the stream to
/// be a terminal, no <c>NO_COLOR</c> (https://no-color.org) and a <c>TERM</c> other than <c>dumb</c>.
/// Pure functions of their inputs, so tests need no terminal.
/// </summary>
public static class TerminalPolicy
{
    public static bool ShowProgress(bool stderrRedirected, Func<string, string?> environment, Verbosity verbosity) =>
        verbosity != Verbosity.Quiet && !stderrRedirected && string.IsNullOrEmpty(environment("CI")) && !IsDumb(environment);

    public static bool UseColor(bool streamRedirected, Func<string, string?> environment) =>
        !streamRedirected && string.IsNullOrEmpty(environment("NO_COLOR")) && !IsDumb(environment);

    private static bool IsDumb(Func<string, string?> environment) => environment("TERM") == "dumb";

    public static Verbosity ParseVerbosity(string? text) => text switch
    {
        "quiet" or "q" => Verbosity.Quiet,
        "detailed" or "d" => Verbosity.Detailed,
        _ => Verbosity.Normal,
    };
}
