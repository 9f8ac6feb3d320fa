using System.Globalization;

namespace BytecodeLint.Analysis.Configuration;

/// <summary>
/// A Roslyn global AnalyzerConfig file: top-level <c>key = value</c> lines, <c>#</c>/<c>;</c> comments
/// (also after a value, as Roslyn strips them), an optional <c>is_global</c> and <c>global_level</c>.
/// A file named <c>.globalconfig</c> defaults to level 100, any other to 0 (Roslyn's rule). Keys under
/// a <c>[section]</c> apply to source files only, so they are skipped, except ours, which are errors there.
/// </summary>
public sealed class GlobalConfigFile
{
    public const string DiscoveredName = ".globalconfig";

    private GlobalConfigFile(string path, IReadOnlyList<ConfigEntry> entries, int level)
    {
        Path = path;
        Entries = entries;
        GlobalLevel = level;
    }

    public string Path { get; }

    /// <summary>Top-level entries in file order (a later duplicate within the file wins).</summary>
    public IReadOnlyList<ConfigEntry> Entries { get; }

    public int GlobalLevel { get; }

    public static GlobalConfigFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read config file: {e.Message}");
        }
        return Parse(path, text);
    }

    public static GlobalConfigFile Parse(string path, string text)
    {
        var entries = new List<ConfigEntry>();
        int? level = null;
        bool inSection = false;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            string line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                if (!line.EndsWith(']')) throw ConfigException.At(path, lineNumber, $"malformed section header '{line}'");
                inSection = true;
                continue;
            }
            int equals = line.IndexOf('=');
            if (equals <= 0) throw ConfigException.At(path, lineNumber, $"expected 'key = value', found '{line}'");
            string key = line[..equals].Trim().ToLowerInvariant();
            string value = StripComment(line[(equals + 1)..]).Trim();
            if (inSection)
            {
                if (ConfigKeys.IsOurs(key))
                    throw ConfigException.At(path, lineNumber, $"'{key}' is inside a [section]; sections select source files and never apply to jars, so put it above the first section");
                continue;
            }
            if (key == "global_level")
            {
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed))
                    throw ConfigException.At(path, lineNumber, $"global_level must be an integer, found '{value}'");
                level = parsed;
                continue;
            }
            if (key == "is_global")
            {
                if (!bool.TryParse(value, out _)) throw ConfigException.At(path, lineNumber, $"is_global must be true or false, found '{value}'");
                continue;
            }
            entries.Add(new ConfigEntry(key, value, path, lineNumber));
        }
        bool discoveredName = System.IO.Path.GetFileName(path).Equals(DiscoveredName, StringComparison.OrdinalIgnoreCase);
        return new GlobalConfigFile(path, entries, level ?? (discoveredName ? 100 : 0));
    }

    /// <summary>Removes a trailing <c># comment</c> or <c>; comment</c> (preceded by whitespace).</summary>
    private static string StripComment(string value)
    {
        for (int i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1])) return value[..i];
        }
        return value;
    }

    /// <summary>
    /// The <c>.globalconfig</c> files in <paramref name="directory"/> and every folder above it up to the
    /// filesystem root, nearest first (the SDK passes all of them to the compiler, not only the nearest).
    /// </summary>
    public static IReadOnlyList<string> Discover(string directory)
    {
        var found = new List<string>();
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, DiscoveredName);
            if (File.Exists(candidate)) found.Add(candidate);
        }
        return found;
    }
}
