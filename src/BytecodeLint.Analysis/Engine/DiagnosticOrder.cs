namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// The one ordering of diagnostics: by input (command-line order), entry, class, member, offset,
/// rule id and message. Parallel analysis finishes in any order; output is always this order.
/// </summary>
public sealed class DiagnosticOrder(IReadOnlyList<string> inputOrder) : IComparer<Diagnostic>
{
    private readonly Dictionary<string, int> _inputIndex = inputOrder
        .Select((path, i) => (path, i)).GroupBy(x => x.path).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = x.Location;
        var b = y.Location;
        int c = _inputIndex.GetValueOrDefault(a.Artifact, int.MaxValue).CompareTo(_inputIndex.GetValueOrDefault(b.Artifact, int.MaxValue));
        if (c == 0) c = string.CompareOrdinal(a.Entry, b.Entry);
        if (c == 0) c = string.CompareOrdinal(a.Class, b.Class);
        if (c == 0) c = string.CompareOrdinal(a.Member, b.Member);
        if (c == 0) c = string.CompareOrdinal(a.MemberDescriptor, b.MemberDescriptor);
        if (c == 0) c = (a.BytecodeOffset ?? -1).CompareTo(b.BytecodeOffset ?? -1);
        if (c == 0) c = string.CompareOrdinal(x.Id, y.Id);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
        if (c == 0) c = string.CompareOrdinal(x.Evidence, y.Evidence);
        return c;
    }
}
