using System.Globalization;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Configuration;

/// <summary>
/// The effective configuration of one run, merged from global config files with Roslyn's rules: within
/// a file a later line wins; across files the higher <c>global_level</c> wins; the same key set to
/// different values by two files at the same level is unset (and reported in <see cref="Warnings"/>).
/// Severities resolve per rule as Roslyn does: <c>dotnet_diagnostic.ID.severity</c> beats
/// <c>dotnet_analyzer_diagnostic.category-Cat.severity</c> beats <c>dotnet_analyzer_diagnostic.severity</c>,
/// and the last two never enable a rule that is disabled by default.
/// </summary>
public sealed class BytecodeLintConfig
{
    public static BytecodeLintConfig Empty { get; } = new();

    public IReadOnlyList<string> Files { get; private init; } = [];

    /// <summary>Non-fatal notes for standard error (conflicting keys that were unset).</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    public JdkTarget? TargetJdk { get; private init; }

    /// <summary>Absolute folders (relative entries are resolved against their config file's folder).</summary>
    public IReadOnlyList<string>? SourceRoots { get; private init; }

    public IReadOnlyList<string> Include { get; private init; } = [];

    public IReadOnlyList<string> Exclude { get; private init; } = [];

    public IReadOnlyList<string>? SuppressionAnnotations { get; private init; }

    public IReadOnlyDictionary<string, string> RuleSettings { get; private init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Severity?> SeverityOverrides { get; private init; } = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ConfigSuppression> Suppressions { get; private init; } = [];

    /// <summary>Options for the engine: these settings on top of <paramref name="baseline"/>.</summary>
    public AnalyzerOptions ApplyTo(AnalyzerOptions baseline) => baseline with
    {
        TargetJdk = TargetJdk ?? baseline.TargetJdk,
        SourceRoots = SourceRoots ?? baseline.SourceRoots,
        SuppressionAnnotations = SuppressionAnnotations ?? baseline.SuppressionAnnotations,
        RuleSettings = RuleSettings,
        SeverityOverrides = SeverityOverrides,
        EntryFilter = Include.Count + Exclude.Count > 0 ? new EntryFilter(Include, Exclude) : baseline.EntryFilter,
    };

    /// <summary>
    /// Loads and merges the files, in order, validating rule ids and options against <paramref name="catalog"/>.
    /// Throws <see cref="ConfigException"/> naming file and line.
    /// </summary>
    public static BytecodeLintConfig Load(IEnumerable<string> paths, RuleCatalog catalog) =>
        Merge(paths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Select(GlobalConfigFile.Load).ToList(), catalog);

    public static BytecodeLintConfig Merge(IReadOnlyList<GlobalConfigFile> files, RuleCatalog catalog)
    {
        // Validate every line, even one a higher-level file overrides: a typo should never hide.
        var warnings = new List<string>();
        foreach (var entry in files.SelectMany(f => f.Entries)) Validate(entry, catalog, warnings);

        var winners = new Dictionary<string, (ConfigEntry Entry, int Level)>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, List<ConfigEntry>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var perFile = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
            foreach (var entry in file.Entries) perFile[entry.Key] = entry;
            foreach (var (key, entry) in perFile)
            {
                if (!ConfigKeys.IsOurs(key) && !key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.Ordinal)) continue;
                if (!winners.TryGetValue(key, out var current) || file.GlobalLevel > current.Level)
                {
                    winners[key] = (entry, file.GlobalLevel);
                    conflicts.Remove(key);
                }
                else if (file.GlobalLevel == current.Level && !string.Equals(entry.Value, current.Entry.Value, StringComparison.Ordinal))
                {
                    if (!conflicts.TryGetValue(key, out var list)) conflicts[key] = list = [current.Entry];
                    list.Add(entry);
                }
            }
        }
        foreach (var (key, entries) in conflicts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            winners.Remove(key);
            warnings.Add($"'{key}' is set to different values at the same global_level in {string.Join(" and ", entries.Select(e => e.Where))}; it is unset (as Roslyn does): give one file a higher global_level");
        }
        return Resolve(files.Select(f => f.Path).ToList(), winners.Values.Select(w => w.Entry).ToList(), warnings, catalog);
    }

    private static BytecodeLintConfig Resolve(IReadOnlyList<string> files, IReadOnlyList<ConfigEntry> entries, IReadOnlyList<string> warnings, RuleCatalog catalog)
    {
        JdkTarget? targetJdk = null;
        IReadOnlyList<string>? sourceRoots = null, annotations = null;
        IReadOnlyList<string> include = [], exclude = [];
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var suppressions = new List<ConfigSuppression>();
        var byId = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        var byCategory = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        Severity? all = null;
        bool allSet = false;

        foreach (var entry in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            string key = entry.Key;
            if (key == ConfigKeys.TargetJdk) targetJdk = JdkTarget.Parse(entry.Value);
            else if (key == ConfigKeys.SourceRoots)
            {
                var directory = Path.GetDirectoryName(entry.File) ?? ".";
                sourceRoots = List(entry.Value).Select(r => Path.GetFullPath(Path.Combine(directory, r))).ToList();
            }
            else if (key == ConfigKeys.Include) include = List(entry.Value);
            else if (key == ConfigKeys.Exclude) exclude = List(entry.Value);
            else if (key == ConfigKeys.SuppressionAnnotations) annotations = List(entry.Value);
            else if (key.StartsWith(ConfigKeys.SuppressPrefix, StringComparison.Ordinal))
            {
                if (catalog.Find(key[ConfigKeys.SuppressPrefix.Length..]) is not { } rule) continue; // unknown to this version: warned
                string id = rule.Id;
                suppressions.AddRange(List(entry.Value).Select(p => new ConfigSuppression(id, p, entry)));
            }
            else if (key.StartsWith(ConfigKeys.Prefix, StringComparison.Ordinal))
            {
                var (rule, name) = SplitRuleSetting(key);
                if (catalog.Find(rule) is not { } descriptor) continue; // unknown to this version: warned
                settings[descriptor.Id + "." + name] = entry.Value;
            }
            else if (key == ConfigKeys.AllSeverity)
            {
                allSet = ParseSeverity(entry, out all);
            }
            else if (key.StartsWith(ConfigKeys.CategoryPrefix, StringComparison.Ordinal))
            {
                string category = key[ConfigKeys.CategoryPrefix.Length..^ConfigKeys.SeveritySuffix.Length];
                if (ParseSeverity(entry, out var severity)) byCategory[category] = severity;
            }
            else if (key.StartsWith(ConfigKeys.DiagnosticPrefix, StringComparison.Ordinal) && DiagnosticId(key) is { } id
                     && catalog.Find(id) is { } descriptor)
            {
                byId[descriptor.Id] = ParseSeverity(entry, out var severity) ? severity : descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null;
            }
        }

        var overrides = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in catalog.Rules)
        {
            if (byId.TryGetValue(descriptor.Id, out var severity)) overrides[descriptor.Id] = severity;
            else if (!descriptor.IsEnabledByDefault) continue; // bulk settings never enable a disabled rule
            else if (byCategory.TryGetValue(descriptor.Category, out severity)) overrides[descriptor.Id] = severity;
            else if (allSet) overrides[descriptor.Id] = all;
        }

        return new BytecodeLintConfig
        {
            Files = files,
            Warnings = warnings,
            TargetJdk = targetJdk,
            SourceRoots = sourceRoots,
            Include = include,
            Exclude = exclude,
            SuppressionAnnotations = annotations,
            RuleSettings = settings,
            SeverityOverrides = overrides,
            Suppressions = suppressions,
        };
    }

    /// <summary>
    /// Checks one line; throws <see cref="ConfigException"/> at its file and line when it is wrong. A rule id
    /// this version does not know is only a warning (as Roslyn ignores unknown ids): one config file can
    /// serve several versions of the tool, including older ones pinned in CI.
    /// </summary>
    private static void Validate(ConfigEntry entry, RuleCatalog catalog, List<string> warnings)
    {
        string key = entry.Key;
        ConfigException Bad(string why) => ConfigException.At(entry.File, entry.Line, why);

        if (key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.Ordinal))
        {
            bool known = key == ConfigKeys.AllSeverity
                         || (key.StartsWith(ConfigKeys.CategoryPrefix, StringComparison.Ordinal) && key.EndsWith(ConfigKeys.SeveritySuffix, StringComparison.Ordinal)
                             && key.Length > ConfigKeys.CategoryPrefix.Length + ConfigKeys.SeveritySuffix.Length);
            if (!known) return; // Roslyn's business
            ParseSeverity(entry, out _);
            return;
        }
        if (key.StartsWith(ConfigKeys.DiagnosticPrefix, StringComparison.Ordinal))
        {
            if (!ConfigKeys.IsOurs(key)) return; // another analyzer's rule
            string? id = DiagnosticId(key);
            if (id is null) throw Bad($"unknown key '{key}': the only option of a rule is dotnet_diagnostic.<ID>.severity");
            ParseSeverity(entry, out _);
            if (catalog.Find(id) is null) warnings.Add(UnknownRule(entry, id));
            return;
        }
        if (!key.StartsWith(ConfigKeys.Prefix, StringComparison.Ordinal)) return;

        if (key == ConfigKeys.TargetJdk)
        {
            if (!entry.Value.Equals("any", StringComparison.OrdinalIgnoreCase) && !JdkTarget.TryParse(entry.Value, out _))
                throw Bad($"'{entry.Value}' is not a JDK version (expected e.g. 8, 17, 21.0.4, 25 or any)");
        }
        else if (key is ConfigKeys.SourceRoots or ConfigKeys.Include or ConfigKeys.Exclude or ConfigKeys.SuppressionAnnotations)
        {
            var items = List(entry.Value);
            if (items.Count == 0) throw Bad($"'{key}' needs at least one value (comma-separated)");
            if (key == ConfigKeys.SuppressionAnnotations && items.FirstOrDefault(a => !a.All(c => char.IsLetterOrDigit(c) || c is '_' or '$')) is { } bad)
                throw Bad($"'{bad}' is not a simple annotation name (write SuppressBytecodeLint, not a qualified name)");
            if (key == ConfigKeys.SourceRoots)
            {
                var directory = Path.GetDirectoryName(entry.File) ?? ".";
                if (items.FirstOrDefault(r => !Directory.Exists(Path.Combine(directory, r))) is { } missing)
                    throw Bad($"source root '{missing}' does not exist (relative roots are resolved against the config file's folder {directory})");
            }
        }
        else if (key.StartsWith(ConfigKeys.SuppressPrefix, StringComparison.Ordinal))
        {
            string id = key[ConfigKeys.SuppressPrefix.Length..];
            if (catalog.Find(id) is null)
            {
                warnings.Add(UnknownRule(entry, id));
                return;
            }
            var patterns = List(entry.Value);
            if (patterns.Count == 0) throw Bad($"'{key}' needs at least one class pattern");
            foreach (var pattern in patterns) _ = new ConfigSuppression(id, pattern, entry);
        }
        else
        {
            var (rule, name) = SplitRuleSetting(key);
            if (rule.Length == 0 || name.Length == 0 || !rule.StartsWith("bl", StringComparison.Ordinal))
                throw Bad($"unknown key '{key}' (see docs/configuration.md for the bytecodelint.* keys)");
            if (catalog.Find(rule) is null)
            {
                warnings.Add(UnknownRule(entry, rule));
                return;
            }
            var declared = catalog.OptionsOf(rule);
            var option = declared.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
                throw Bad(UnknownOption(rule.ToUpperInvariant(), name, declared));
            if (option.Check(entry.Value) is { } expected)
                throw Bad($"'{key}' must be {expected}, found '{entry.Value}'");
        }
    }

    private static string UnknownRule(ConfigEntry entry, string id) =>
        $"{entry.Where}: unknown rule '{id.ToUpperInvariant()}' in '{entry.Key}' is ignored (not a rule of this version; see 'bytecodelint rules')";

    private static string UnknownOption(string rule, string name, IReadOnlyList<RuleOption> declared)
    {
        if (declared.Count == 0) return $"rule {rule} has no option '{name}' (it takes none)";
        var closest = declared.MinBy(o => EditDistance(o.Name, name))!;
        string hint = EditDistance(closest.Name, name) <= Math.Max(2, name.Length / 3) ? $"; did you mean '{closest.Name}'?" : "";
        return $"rule {rule} has no option '{name}'{hint} (its options: {string.Join(", ", declared.Select(o => o.Name))})";
    }

    /// <summary>Levenshtein distance, for "did you mean" on misspelled option names.</summary>
    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary><c>bytecodelint.bl0003.threshold_mib</c> → (<c>bl0003</c>, <c>threshold_mib</c>).</summary>
    private static (string Rule, string Name) SplitRuleSetting(string key)
    {
        string rest = key[ConfigKeys.Prefix.Length..];
        int dot = rest.IndexOf('.');
        return dot < 0 ? ("", "") : (rest[..dot], rest[(dot + 1)..]);
    }

    /// <summary>The id of <c>dotnet_diagnostic.ID.severity</c>, or null for any other shape.</summary>
    private static string? DiagnosticId(string key)
    {
        if (!key.EndsWith(ConfigKeys.SeveritySuffix, StringComparison.Ordinal)) return null;
        string id = key[ConfigKeys.DiagnosticPrefix.Length..^ConfigKeys.SeveritySuffix.Length];
        return id.Length == 0 || id.Contains('.') ? null : id;
    }

    /// <summary>False for <c>default</c> (use the rule's own severity); throws on anything unknown.</summary>
    private static bool ParseSeverity(ConfigEntry entry, out Severity? severity)
    {
        severity = null;
        if (entry.Value.Equals("default", StringComparison.OrdinalIgnoreCase)) return false;
        if (!SeverityNames.TryParse(entry.Value, out severity) || entry.Value.Equals("hidden", StringComparison.OrdinalIgnoreCase) || entry.Value.Equals("note", StringComparison.OrdinalIgnoreCase) || entry.Value.Equals("info", StringComparison.OrdinalIgnoreCase))
            throw ConfigException.At(entry.File, entry.Line, $"'{entry.Value}' is not a severity for '{entry.Key}' (expected none, silent, suggestion, warning, error or default)");
        return true;
    }

    private static IReadOnlyList<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
