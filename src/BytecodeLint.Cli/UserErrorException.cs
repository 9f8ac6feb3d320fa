namespace BytecodeLint.Cli;

/// <summary>
/// A mistake of the user's (missing file, bad option value, bad config line). Printed as one line
/// on stderr, without a stack trace, and the process exits with <see cref="ExitCodes.UsageOrInput"/>.
/// </summary>
public sealed class UserErrorException(string message) : Exception(message);
