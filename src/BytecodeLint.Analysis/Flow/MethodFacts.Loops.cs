namespace BytecodeLint.Analysis.Flow;

// Added for the agent rules (BL0105 loops, BL0106 writes into classfileBuffer): two facts the
// reader sees anyway during its single pass and that cannot be recovered once the bytes are gone.
public sealed partial class MethodFacts
{
    /// <summary>Backward branches (<c>goto</c>/<c>if*</c>/<c>jsr</c> whose target is at or before the branch): the loops of the method.</summary>
    public IReadOnlyList<BackEdge> BackEdges { get; internal init; } = [];

    /// <summary>Primitive array stores (<c>bastore</c>, <c>iastore</c>, …) whose array may be one of the method's parameters.</summary>
    public IReadOnlyList<ArrayStore> ParameterArrayStores { get; internal init; } = [];
}

/// <summary>
/// A backward branch at <see cref="From"/> to <see cref="Target"/> (≤ From): instructions in
/// [Target, From] may run repeatedly. <see cref="Line"/> is the source line at the target (the loop
/// header for javac loops), 0 without a LineNumberTable.
/// </summary>
public readonly record struct BackEdge(int From, int Target, int Line)
{
    public bool Encloses(int pc) => Target <= pc && pc <= From;
}

/// <summary>A primitive array store at <see cref="Pc"/> into an array with the given origins.</summary>
public readonly record struct ArrayStore(int Pc, int Line, ValueRef[] Array);
