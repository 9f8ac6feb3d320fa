using System.Text.RegularExpressions;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Architecture;

/// <summary>Rule ids are written once (Engine/RuleIds.cs); everything else names the constant.</summary>
public sealed partial class RuleIdLiteralTests
{
    [GeneratedRegex("\"BL[0-9]{4}\"")]
    private static partial Regex IdLiteral();

    [Fact]
    public void Only_RuleIds_spells_a_rule_id_in_product_code()
    {
        var src = Path.Combine(RepoPaths.Root, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => IdLiteral().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .ToList();
        Assert.Equal(["BytecodeLint.Analysis/Engine/RuleIds.cs"], offenders);
    }
}
