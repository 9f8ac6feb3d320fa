using BytecodeLint.Analysis.Configuration;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Baseline;

/// <summary>What applying a baseline did: findings it covered and entries that matched nothing any more.</summary>
public sealed record BaselineOutcome(string Path, int Suppressed, IReadOnlyList<BaselineEntry> Stale)
{
    /// <summary>Stale occurrences (an entry with count 3 of which 1 was found contributes 2).</summary>
    public int StaleCount => Stale.Sum(e => e.Count);
}

/// <summary>
/// Marks findings present in a baseline as suppressed (<c>baseline: FILE</c>), up to each entry's
/// count, in report order; findings already suppressed otherwise are left alone and do not use up
/// the count. What is left of the counts is stale and can be pruned with <c>--write-baseline</c>.
/// </summary>
public static class BaselineFilter
{
    public static (IReadOnlyList<Diagnostic> Diagnostics, BaselineOutcome Outcome) Apply(IReadOnlyList<Diagnostic> diagnostics, BaselineFile baseline, string path)
    {
        var remaining = baseline.Entries.ToDictionary(e => e.Identity, e => e.Count);
        string reason = SuppressionSources.BaselinePrefix + path;
        var result = new List<Diagnostic>(diagnostics.Count);
        int suppressed = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.IsSuppressed && remaining.TryGetValue(FindingIdentity.Of(diagnostic), out int left) && left > 0)
            {
                remaining[FindingIdentity.Of(diagnostic)] = left - 1;
                result.Add(diagnostic with { SuppressedBy = reason });
                suppressed++;
            }
            else
            {
                result.Add(diagnostic);
            }
        }
        var stale = baseline.Entries.Where(e => remaining[e.Identity] > 0).Select(e => e with { Count = remaining[e.Identity] }).ToList();
        return (result, new BaselineOutcome(path, suppressed, stale));
    }
}
