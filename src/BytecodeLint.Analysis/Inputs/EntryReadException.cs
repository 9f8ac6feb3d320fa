namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Thrown by <see cref="ClassEntry.Read"/> when an entry's bytes cannot be produced (bad deflate
/// stream, size differs from the declared one, file vanished). The engine reports it as a diagnostic
/// for that entry and goes on with the others. <see cref="Exception.Message"/> is the bare reason
/// (callers already hold the location and offset, and print them their own way).
/// </summary>
public sealed class EntryReadException : Exception
{
    public EntryReadException(string location, long? offset, string reason, Exception? inner = null)
        : base(reason, inner)
    {
        Location = location;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>Location chain of the entry.</summary>
    public string Location { get; }

    /// <summary>Byte offset within the innermost archive where the entry's data starts, if it is in an archive.</summary>
    public long? Offset { get; }

    /// <summary>What went wrong, without the location (same as <see cref="Exception.Message"/>).</summary>
    public string Reason { get; }

    /// <summary>The same failure as an <see cref="InputProblem"/> of kind <see cref="InputProblemKind.Unreadable"/>.</summary>
    public InputProblem ToProblem() => new(Location, Offset, InputProblemKind.Unreadable, Reason);
}
