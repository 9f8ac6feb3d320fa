using System.Text.RegularExpressions;

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
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ConfigSuppression> suppressions)
    {
        if (suppressions.Count == 0) return diagnostics;
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            var match = diagnostic.IsSuppressed ? null : suppressions.FirstOrDefault(s => s.Matches(diagnostic));
            result.Add(match is null ? diagnostic : diagnostic with { SuppressedBy = match.Describe() });
        }
        return result;
    }
}
