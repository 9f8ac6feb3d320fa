namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Something inside an input that could not be enumerated; the rest of the input was still read.
/// The engine turns each one into a BL9xxx diagnostic.
/// </summary>
/// <param name="Location">Location chain of the entry or archive concerned (<c>app.jar!/lib/x.jar</c>).</param>
/// <param name="Offset">Byte offset within the innermost archive (or file) where the problem was found, if known.</param>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Message">One line, no trailing period, saying what is wrong.</param>
public sealed record InputProblem(string Location, long? Offset, InputProblemKind Kind, string Message)
{
    /// <summary><c>location (offset N): message</c>, the one-line form used in logs and tests.</summary>
    public override string ToString() =>
        Offset is { } offset ? $"{Location} (offset {offset}): {Message}" : $"{Location}: {Message}";
}
