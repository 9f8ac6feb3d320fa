using System.Text.RegularExpressions;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>Fails when the rule registry, the doc pages and the README rule table drift apart.</summary>
public class RuleDocsTests
{
    private static readonly string DocsFolder = Path.Combine(RepoPaths.Root, "docs", "rules");

    public static TheoryData<string> RuleIds() => new(RuleRegistry.AllDescriptors.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_doc_page_with_the_required_sections(string id)
    {
        var descriptor = RuleRegistry.Find(id)!;
        var page = File.ReadAllText(Path.Combine(DocsFolder, id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}", page);
        Assert.Contains("| Category | " + descriptor.Category + " |", page);
        Assert.Contains("| Default severity | " + descriptor.DefaultSeverity.ToDisplayName(), page);
        Assert.Contains("## Default severity", page); // why the default is what it is
        Assert.Contains("## Options", page);
        Assert.Contains("## What it finds", page);
        Assert.Contains("## How to fix", page);
        Assert.Contains("## How to suppress", page);
        Assert.Equal(page, RuleDocs.Get(id)); // the embedded copy used by `explain` is the same file
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_options_table_lists_exactly_the_declared_options(string id)
    {
        var page = File.ReadAllText(Path.Combine(DocsFolder, id + ".md"));
        int start = page.IndexOf("## Options", StringComparison.Ordinal);
        int end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        string section = page[start..(end < 0 ? page.Length : end)];
        var rows = Regex.Matches(section, @"^\| `bytecodelint\.(BL\d{4})\.(\w+)` \| (number|integer) \| ([^|]+) \| (.+?) \|$", RegexOptions.Multiline)
            .Select(m => (Rule: m.Groups[1].Value, Name: m.Groups[2].Value, Kind: m.Groups[3].Value, Default: m.Groups[4].Value.Trim(), Summary: m.Groups[5].Value))
            .ToList();
        var declared = RuleRegistry.Catalog.OptionsOf(id)
            .Select(o => (Rule: o.RuleId, o.Name, Kind: o.Kind.ToString().ToLowerInvariant(), Default: o.DefaultText, o.Summary))
            .ToList();
        Assert.Equal(declared, rows);
        if (declared.Count == 0) Assert.Contains("This rule has no options.", section);
    }

    [Fact]
    public void Every_doc_page_belongs_to_a_registered_rule()
    {
        var pages = Directory.GetFiles(DocsFolder, "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(RuleRegistry.AllDescriptors.Select(d => d.Id).Order(StringComparer.Ordinal), pages);
    }

    [Fact]
    public void Readme_rule_table_matches_the_registry()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var rows = Regex.Matches(readme, @"^\| \[(BL\d{4})\]\(docs/rules/\1\.md\) \| (.+?) \| (\w+) \| (\w+) \|$", RegexOptions.Multiline)
            .Select(m => (Id: m.Groups[1].Value, Title: m.Groups[2].Value, Category: m.Groups[3].Value, Severity: m.Groups[4].Value))
            .ToList();
        var expected = RuleRegistry.AllDescriptors
            .Select(d => (d.Id, d.Title, d.Category, Severity: d.DefaultSeverity.ToDisplayName())).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Descriptors_follow_the_conventions()
    {
        foreach (var d in RuleRegistry.AllDescriptors)
        {
            Assert.Matches(@"^BL\d{4}$", d.Id);
            Assert.False(d.Title.EndsWith('.'), d.Id + " title ends with a period");
            Assert.False(d.MessageFormat.EndsWith('.'), d.Id + " message ends with a period");
            Assert.EndsWith("/docs/rules/" + d.Id + ".md", d.HelpLink);
        }
        Assert.Equal(RuleRegistry.AllDescriptors.Count, RuleRegistry.AllDescriptors.Select(d => d.Id).Distinct().Count());
    }
}
