using System.Collections.Concurrent;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Per-artifact state shared by every rule scanning one artifact: one instance of each service type,
/// created by the first rule that asks for it (from its artifact-start action) and handed to all later
/// askers and to the artifact-end actions. The engine knows nothing of what the services are, so a
/// layer above it (the per-artifact flow) can offer one model of the code to all rules instead of each
/// rule building its own.
/// </summary>
public sealed class ArtifactServices
{
    private readonly ConcurrentDictionary<Type, object> _services = new();

    /// <summary>The service of type <typeparamref name="T"/>, created by <paramref name="create"/> the first time.</summary>
    public T GetOrAdd<T>(Func<T> create) where T : class => (T)_services.GetOrAdd(typeof(T), _ => create());

    /// <summary>The service of type <typeparamref name="T"/>, or null when no rule created it for this artifact.</summary>
    public T? Get<T>() where T : class => _services.TryGetValue(typeof(T), out var service) ? (T)service : null;
}
