namespace BytecodeLint.Cli;

/// <summary>The documented process exit codes (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above the <c>--fail-on</c> severity.</summary>
    public const int Success = 0;

    /// <summary>At least one finding at or above the <c>--fail-on</c> severity.</summary>
    public const int Findings = 1;

    /// <summary>Bad command line, bad configuration, or an unreadable top-level input.</summary>
    public const int UsageOrInput = 2;

    /// <summary>An unexpected failure inside bytecodelint (a bug); the message asks for a report.</summary>
    public const int InternalError = 3;
}
