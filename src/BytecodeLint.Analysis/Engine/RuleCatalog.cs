namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// The rules a run knows: every descriptor (several may share an id) with the options they declare.
/// Configuration validates against it and the engine runs the analyzers behind it; it is passed in,
/// never looked up statically, so the engine and the configuration do not depend on the rule set.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, DiagnosticDescriptor> _primary = new(StringComparer.OrdinalIgnoreCase);

    public RuleCatalog(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        Descriptors = descriptors.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        foreach (var descriptor in Descriptors) _primary.TryAdd(descriptor.Id, descriptor);
    }

    /// <summary>Every descriptor, ordered by id (declaration order within an id).</summary>
    public IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>One descriptor per id: the first a rule declares (its title, category and default severity).</summary>
    public IEnumerable<DiagnosticDescriptor> Rules => _primary.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>The rule's primary descriptor, or null for an id this version does not know (case-insensitive).</summary>
    public DiagnosticDescriptor? Find(string id) => _primary.GetValueOrDefault(id);

    /// <summary>Every descriptor a rule declares under <paramref name="id"/>.</summary>
    public IEnumerable<DiagnosticDescriptor> All(string id) =>
        Descriptors.Where(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The options declared under <paramref name="id"/> by any of its descriptors.</summary>
    public IReadOnlyList<RuleOption> OptionsOf(string id) =>
        All(id).SelectMany(d => d.Options).DistinctBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
