using System.Text.RegularExpressions;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Configuration;

/// <summary>
/// One pattern of <c>bytecodelint.suppress.BL0001 = com.acme.legacy.*, com.acme.Foo#run</c>: a class
/// glob over binary names with dots (nested classes <c>Foo$1</c> are covered by <c>Foo</c>), optionally
/// <c>#</c> and a member glob matched against the member name or name + descriptor (<c>run(I)V</c>).
/// </summary>
public sealed class ConfigSuppression
{
    private readonly Regex _class;
    private readonly Regex? _member;

    public ConfigSuppression(string ruleId, string pattern, ConfigEntry origin)
    {
        RuleId = ruleId;
        Pattern = pattern;
        Origin = origin;
        int hash = pattern.IndexOf('#');
        string classPart = hash < 0 ? pattern : pattern[..hash];
        if (classPart.Length == 0 || (hash >= 0 && hash == pattern.Length - 1) || classPart.Contains('/'))
            throw ConfigException.At(origin.File, origin.Line, $"bad suppression pattern '{pattern}': expected a class glob with dots (com.acme.*), optionally '#member'");
        _class = Glob.Name(classPart);
        _member = hash < 0 ? null : Glob.Name(pattern[(hash + 1)..]);
    }

    public string RuleId { get; }

    public string Pattern { get; }

    public ConfigEntry Origin { get; }

    public bool Matches(Diagnostic diagnostic)
    {
        if (!diagnostic.Id.Equals(RuleId, StringComparison.OrdinalIgnoreCase)) return false;
        var location = diagnostic.Location;
        if (location.Class is not { } className || !ClassMatches(className)) return false;
        if (_member is null) return true;
        if (location.Member is not { } member) return false;
        return _member.IsMatch(member) || _member.IsMatch(member + location.MemberDescriptor);
    }

    /// <summary>The class or any class it encloses (<c>Foo$Inner</c>, <c>Foo$1</c>) matches.</summary>
    private bool ClassMatches(string className)
    {
        if (_class.IsMatch(className)) return true;
        for (int dollar = className.IndexOf('$'); dollar > 0; dollar = className.IndexOf('$', dollar + 1))
            if (_class.IsMatch(className[..dollar])) return true;
        return false;
    }

    public string Describe() => $"{SuppressionSources.ConfigPrefix}bytecodelint.suppress.{RuleId} = {Pattern} ({Origin.Where})";
}

/// <summary>Applies config suppressions: a finding already suppressed in bytecode keeps that reason.</summary>
public static class ConfigSuppressions
{
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ConfigSuppression> suppressions) =>
        Apply(diagnostics, suppressions, out _);

    /// <param name="unused">Patterns that matched no finding (a finding already suppressed otherwise counts as a match).</param>
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ConfigSuppression> suppressions, out IReadOnlyList<ConfigSuppression> unused)
    {
        unused = suppressions;
        if (suppressions.Count == 0) return diagnostics;
        var used = new HashSet<ConfigSuppression>();
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            ConfigSuppression? first = null;
            foreach (var suppression in suppressions.Where(s => s.Matches(diagnostic)))
            {
                used.Add(suppression);
                first ??= suppression;
            }
            result.Add(first is null || diagnostic.IsSuppressed ? diagnostic : diagnostic with { SuppressedBy = first.Describe() });
        }
        unused = suppressions.Where(s => !used.Contains(s)).ToList();
        return result;
    }

    /// <summary>
    /// BL9004 findings for config patterns that matched nothing, located at the config line (so SARIF
    /// and msbuild point into the config file). Only when BL9004 is enabled: it is opt-in.
    /// </summary>
    public static IEnumerable<Diagnostic> ReportUnused(IReadOnlyList<ConfigSuppression> unused, AnalyzerOptions options)
    {
        var descriptor = InputDiagnostics.UnusedSuppression;
        if (options.EffectiveSeverity(descriptor) is not { } severity) yield break;
        foreach (var suppression in unused)
        {
            var origin = suppression.Origin;
            var location = new DiagnosticLocation(origin.File, $"{origin.File}:{origin.Line}", Line: origin.Line, SourcePath: origin.File);
            yield return Diagnostic.Create(descriptor, location, null, $"config:{suppression.RuleId}:{suppression.Pattern}",
                suppression.RuleId, $"'{suppression.Pattern}' ({origin.Where})") with { Severity = severity };
        }
    }
}
