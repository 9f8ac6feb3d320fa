using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;

namespace BytecodeLint.MSBuild;

/// <summary>One input of the task: a jar or class folder with its own metadata resolved.</summary>
internal sealed class LintInput
{
    public LintInput(string fullPath, string? targetJdk, IReadOnlyList<string> sourceRoots, ISet<string> noWarn)
    {
        FullPath = fullPath;
        TargetJdk = targetJdk;
        SourceRoots = sourceRoots;
        NoWarn = noWarn;
    }

    public string FullPath { get; }

    public string? TargetJdk { get; }

    /// <summary>Global source roots plus the item's own, full paths, in order, without duplicates.</summary>
    public IReadOnlyList<string> SourceRoots { get; }

    public ISet<string> NoWarn { get; }
}

/// <summary>
/// Inputs that share the CLI options (target JDK and source roots), so one process scans them all.
/// Per-item NoWarn does not split groups: the task applies it when logging.
/// </summary>
internal sealed class InputGroup
{
    private InputGroup(string? targetJdk, IReadOnlyList<string> sourceRoots)
    {
        TargetJdk = targetJdk;
        SourceRoots = sourceRoots;
    }

    public string? TargetJdk { get; }

    public IReadOnlyList<string> SourceRoots { get; }

    public List<LintInput> Inputs { get; } = new List<LintInput>();

    /// <summary>Resolves item metadata against the global settings and groups the inputs, keeping item order.</summary>
    public static List<InputGroup> Create(IEnumerable<ITaskItem> items, string baseDirectory, string? targetJdk, IEnumerable<string> sourceRoots)
    {
        var globalRoots = sourceRoots.Select(r => FullPath(baseDirectory, r)).ToList();
        var groups = new List<InputGroup>();
        var byKey = new Dictionary<string, InputGroup>(StringComparer.Ordinal);
        var seen = new HashSet<string>(PathComparer);
        foreach (var item in items)
        {
            var path = FullPath(baseDirectory, item.ItemSpec);
            if (!seen.Add(path)) continue;
            var jdk = NonEmpty(item.GetMetadata("TargetJdk")) ?? NonEmpty(targetJdk);
            var roots = globalRoots
                .Concat(Split(item.GetMetadata("SourceRoot")).Select(r => FullPath(baseDirectory, r)))
                .Distinct(PathComparer)
                .ToList();
            var input = new LintInput(path, jdk, roots, WarningPolicy.ParseCodes(item.GetMetadata("NoWarn")));
            var key = (jdk ?? "") + "|" + string.Join("|", roots);
            if (!byKey.TryGetValue(key, out var group))
            {
                group = new InputGroup(jdk, roots);
                byKey.Add(key, group);
                groups.Add(group);
            }
            group.Inputs.Add(input);
        }
        return groups;
    }

    /// <summary>Windows paths compare case-insensitively, others exactly.</summary>
    public static StringComparer PathComparer { get; } =
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Absolute, normalized, without a trailing separator (so the CLI echoes it back unchanged).</summary>
    public static string FullPath(string baseDirectory, string path)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, path.Trim()));
        var trimmed = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? full : trimmed;
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
