using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// BL0103 — a <c>Boot-Class-Path</c> entry that is not where the JVM will look. The JVM resolves a
/// relative entry against the agent jar's own location and silently ignores one that does not
/// exist. Conservative heuristic: only a relative entry that stays inside what was scanned is
/// checked — the agent jar must sit inside a scanned archive (entries next to it in that archive)
/// or inside a scanned folder (jars and class files of the folder). Absolute paths, URLs, paths that
/// climb out of the scanned input, and every entry of an agent jar given on its own are not checked.
/// </summary>
internal static class AgentBootClassPathCheck
{
    public static readonly DiagnosticDescriptor Rule = new(
        RuleIds.MissingBootClassPath,
        "Boot-Class-Path entry is not in the distribution",
        "Boot-Class-Path of {0} names '{1}', which resolves to '{2}' next to the agent jar, but {3} has no such entry; the JVM ignores a missing path and classes expected on the boot class path fail with NoClassDefFoundError",
        Categories.Agent,
        Severity.Warning,
        IsEnabledByDefault: true,
        "Boot-Class-Path lists jars or directories appended to the bootstrap class path, relative to the agent jar's location. The JVM silently ignores paths that do not exist, so a helper that was renamed or not shipped shows up only later as NoClassDefFoundError in instrumented code.");

    public static void Run(ArtifactEndContext context, AgentUnit agent)
    {
        if (agent.Attribute("Boot-Class-Path") is not { Length: > 0 } value) return;
        if (Surroundings(agent) is not { } around) return;
        foreach (var raw in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string token;
            try { token = Uri.UnescapeDataString(raw); } // the path component of a URI: %20 and friends
            catch (UriFormatException) { continue; }
            if (token.StartsWith('/') || token.Contains(':') || token.Contains('\\')) continue; // absolute, a URL or a drive: outside what we see
            if (Resolve(around.Folder, token) is not { } resolved) continue;                  // climbs out of the scanned input
            if (Exists(around.Names, resolved)) continue;
            var properties = new Dictionary<string, double>();
            context.Report(Rule, new DiagnosticLocation(agent.Artifact.InputPath, agent.ManifestEntry), properties,
                "Boot-Class-Path " + raw, agent.Archive.Location, raw, resolved, around.Container);
        }
    }

    /// <summary>What is visible around the agent jar: the container's name, the folder of the jar inside it, and the container's entry names.</summary>
    private static (string Container, string Folder, IReadOnlyCollection<string> Names)? Surroundings(AgentUnit agent)
    {
        string location = agent.Archive.Location;
        int cut = location.LastIndexOf("!/", StringComparison.Ordinal);
        if (cut >= 0)
        {
            string container = location[..cut];
            var archive = agent.Artifact.Archives.FirstOrDefault(a => a.Location == container);
            if (archive is null) return null;
            return (container, FolderOf(location[(cut + 2)..]), archive.EntryNames);
        }
        if (agent.Archive.Depth == 0) return null; // the agent jar is the input itself: its neighbours on disk were not scanned

        // A jar inside a scanned folder: the folder's jars and class files are what we can see.
        string root = agent.Artifact.InputPath.TrimEnd('/', Path.DirectorySeparatorChar) + "/";
        if (!location.StartsWith(root, StringComparison.Ordinal)) return null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var archive in agent.Artifact.Archives)
            if (archive.Depth == 1 && archive.Location.StartsWith(root, StringComparison.Ordinal) && !archive.Location.Contains("!/", StringComparison.Ordinal))
                names.Add(archive.Location[root.Length..]);
        foreach (var entry in agent.Artifact.ClassEntries)
            if (AgentUnit.ArchiveOf(entry) is null) names.Add(entry.EntryPath);
        return (agent.Artifact.InputPath, FolderOf(location[root.Length..]), names);
    }

    private static string FolderOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..(slash + 1)];
    }

    /// <summary>Joins and normalises <c>.</c> and <c>..</c>; null when the path leaves the container.</summary>
    internal static string? Resolve(string folder, string relative)
    {
        var parts = new List<string>();
        foreach (var part in (folder + relative).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>An entry with that name, or a folder (explicit entry or a prefix of other entries).</summary>
    private static bool Exists(IReadOnlyCollection<string> names, string path)
    {
        string folder = path + "/";
        foreach (var name in names)
            if (name == path || name.StartsWith(folder, StringComparison.Ordinal)) return true;
        return false;
    }
}
