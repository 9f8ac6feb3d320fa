using System.Text.RegularExpressions;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests;

/// <summary>
/// Keeps a clone self-contained: the design pages that code and docs cite have the cited sections,
/// every committed fixture says where it came from, and no test or product code reaches outside the
/// repository for data.
/// </summary>
public class RepositoryReferenceTests
{
    private static readonly string[] CitingFolders = ["src", "docs", "samples", "tests"];

    private static IEnumerable<string> CitingFiles() =>
        CitingFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".java", StringComparison.Ordinal))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "TestData" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Append(Path.Combine(RepoPaths.Root, "README.md"))
            .Order(StringComparer.Ordinal);

    /// <summary>Section numbers ("## 2." or "### 2.4") that a design page defines.</summary>
    private static HashSet<string> Sections(string page) =>
        Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "design", page)), @"^#{2,3} (\d+(?:\.\d+)?)\.? ", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> DesignPages() => new("hotspot.md", "hotspot-model.md");

    [Theory]
    [MemberData(nameof(DesignPages))]
    public void Every_cited_section_of_a_design_page_exists(string page)
    {
        var sections = Sections(page);
        // "docs/design/hotspot.md §4", "`docs/design/hotspot.md` §1 and §3", "docs/design/hotspot.md section 2"
        var citation = new Regex(@"docs/design/" + Regex.Escape(page) + @"`?\)?\s*(?:§§?\s*|sections?\s+)(\d+(?:\.\d+)?)((?:\s*(?:,|and|–)\s*§?\d+(?:\.\d+)?)*)");
        var cited = 0;
        var missing = new List<string>();
        foreach (var file in CitingFiles())
        {
            foreach (Match m in citation.Matches(File.ReadAllText(file)))
            {
                var numbers = Regex.Matches(m.Groups[1].Value + m.Groups[2].Value, @"\d+(?:\.\d+)?").Select(n => n.Value);
                foreach (var n in numbers)
                {
                    cited++;
                    if (!sections.Contains(n)) missing.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: §{n}");
                }
            }
        }
        Assert.True(cited > 0, "no citation of docs/design/" + page + " found: the pattern no longer matches how pages are cited");
        Assert.Empty(missing);
    }

    [Fact]
    public void Hotspot_page_keeps_the_six_sections_the_code_cites()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6"], Sections("hotspot.md").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_committed_fixture_is_described_in_the_test_data_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.TestData, "README.md"));
        var undescribed = Directory.EnumerateFiles(RepoPaths.TestData, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.TestData, f))
            .Where(f => f != "README.md")
            // an oracle case is described by its folder name and its files by kind (original.class, results.json, …)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Skip(f.StartsWith("oracle", StringComparison.Ordinal) ? 2 : 1).All(readme.Contains))
            .ToList();
        Assert.True(Directory.EnumerateFiles(RepoPaths.OracleCases, "*.class", SearchOption.AllDirectories).Count() >= 24, "oracle cases missing under " + RepoPaths.OracleCases);
        Assert.Empty(undescribed);
    }

    [Fact]
    public void No_test_or_product_code_reads_the_team_folder_beside_the_repository()
    {
        var offenders = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"""\.\.""\s*,\s*""shared""|\.\./shared|RepoPaths\.Shared\b"))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .ToList();
        Assert.Empty(offenders);
    }
}
