using System.Collections.Concurrent;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// One agent of the scanned input: an archive whose manifest names an agent class
/// (<see cref="AgentManifest"/>), the call graph of its code — its own classes and those of the
/// jars nested in it, but not of an agent nested deeper, which is a unit of its own — and the
/// artifact it was found in (for the distribution around it).
/// </summary>
internal sealed class AgentUnit(ArchiveInfo archive, ArtifactCallGraph graph, Artifact artifact, AgentReflection reflection)
{
    public ArchiveInfo Archive { get; } = archive;

    public IReadOnlyDictionary<string, string> Manifest { get; } = archive.ManifestAttributes!;

    public ArtifactCallGraph Graph { get; } = graph;

    public Artifact Artifact { get; } = artifact;

    /// <summary>Reflective Instrumentation calls, which <see cref="Graph"/> already holds as calls (<see cref="AgentReflection"/>).</summary>
    public AgentReflection Reflection { get; } = reflection;

    /// <summary>The manifest's location chain, for findings about an attribute.</summary>
    public string ManifestEntry => Archive.Location + "!/META-INF/MANIFEST.MF";

    public string? Attribute(string name) => Manifest.TryGetValue(name, out var value) ? value.Trim() : null;

    /// <summary>True when the attribute is <c>true</c>, compared as the JDK's agent loader does (ignoring case).</summary>
    public bool IsTrue(string name) => string.Equals(Attribute(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Registers, from an artifact-start action, a class action that keeps the facts of agent code
    /// only and an end action that hands every agent of the artifact to <paramref name="onComplete"/>.
    /// Registers nothing when the artifact contains no agent: the rules cost nothing on other inputs.
    /// </summary>
    public static void Collect(ArtifactStartContext start, Action<ArtifactEndContext, IReadOnlyList<AgentUnit>> onComplete)
    {
        var agents = start.Artifact.Archives.Where(AgentManifest.IsAgent).ToList();
        if (agents.Count == 0) return;
        var byLocation = agents.ToDictionary(a => a.Location, StringComparer.Ordinal);
        var owners = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        // Keyed by the archive's location as the entry holds it (one string per archive), so that asking for
        // every class builds no string: cutting it from each entry's location was 6 % of fat-boot.jar's allocations.
        string? OwnerOf(ClassEntry entry) => entry.ArchiveLocation is { } zip
            ? owners.GetOrAdd(zip, z => OwningAgent(z[..^2], byLocation))
            : ArchiveOf(entry) is { } archive ? owners.GetOrAdd(archive, a => OwningAgent(a, byLocation)) : null; // a file of a scanned folder is not in any agent jar
        // Agent code in depth, from the artifact's shared flow: classes BL0002 also reads are read once.
        var flow = ArtifactFlow.Of(start);
        var demand = flow.Require(new CallGraphDemand((c, _) => OwnerOf(c.Entry) is not null, _ => false));
        // Reflective Instrumentation calls are read by a step of their own (only classes naming such a method).
        var reflection = new AgentReflection();
        start.RegisterClassAction(context =>
        {
            if (OwnerOf(context.Entry) is not null) reflection.Visit(context);
        });
        start.RegisterArtifactEndAction(end =>
        {
            var classes = flow.Selected(demand).ToLookup(c => OwnerOf(c.Entry)!, c => reflection.Apply(c.Entry, c.Facts), StringComparer.Ordinal);
            onComplete(end, agents.Select(a => new AgentUnit(a, new ArtifactCallGraph(classes[a.Location]), end.Artifact, reflection)).ToList());
        });
    }

    /// <summary>The location of the archive holding a class entry, or null for a file of a scanned folder.</summary>
    internal static string? ArchiveOf(ClassEntry entry)
    {
        var location = entry.Location;
        int prefix = location.Length - entry.EntryPath.Length;
        return prefix >= 2 && string.CompareOrdinal(location, prefix - 2, "!/", 0, 2) == 0 ? location[..(prefix - 2)] : null;
    }

    /// <summary>The innermost agent archive that is <paramref name="archive"/> or contains it.</summary>
    internal static string? OwningAgent(string archive, IReadOnlyDictionary<string, ArchiveInfo> agents)
    {
        for (var current = archive; ;)
        {
            if (agents.ContainsKey(current)) return current;
            int cut = current.LastIndexOf("!/", StringComparison.Ordinal);
            if (cut < 0) return null;
            current = current[..cut];
        }
    }
}
