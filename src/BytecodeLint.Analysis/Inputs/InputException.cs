namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// A top-level input cannot be read at all (missing, not a class file, archive or directory, no zip
/// end-of-central-directory record). The message is one line naming the path; the CLI maps it to exit code 2.
/// Problems <em>inside</em> a readable input are <see cref="InputProblem"/>s instead.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        InputPath = path;
        Reason = reason;
    }

    /// <summary>The path as the user gave it.</summary>
    public string InputPath { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Reason { get; }
}
