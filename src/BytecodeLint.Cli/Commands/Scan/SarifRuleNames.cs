using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// The PascalCase <c>name</c> of each rule in SARIF (SARIF 2.1.0 §3.49.7, "a stable, opaque
/// identifier"; the Multitool's SARIF2012 and Azure DevOps' GHAzDO2012 ask for one). Written by hand,
/// because names derived from titles would change whenever a title is reworded.
/// </summary>
internal static class SarifRuleNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [RuleIds.CatchThrowable] = "CatchThrowableLeaksOnRetransform",
        [RuleIds.PoolRebuild] = "EnhancerRebuildsConstantPool",
        [RuleIds.ExpensiveWidening] = "ExpensiveLdcWidening",
        [RuleIds.NaNConstant] = "NaNConstantDoublesPool",
        [RuleIds.IndyRelink] = "IndySitesRelinkOnRetransform",
        [RuleIds.ShapeChange] = "RetransformChangesClassShape",
        [RuleIds.SignedZeros] = "SignedZerosMergeIntoOne",
        [RuleIds.MissingCapability] = "MissingRetransformCapability",
        [RuleIds.BadEntryPoint] = "InvalidAgentClass",
        [RuleIds.MissingBootClassPath] = "MissingBootClassPathEntry",
        [RuleIds.NotRetransformCapable] = "TransformerNotRetransformCapable",
        [RuleIds.RetransformLoop] = "RetransformInLoop",
        [RuleIds.WritesClassfileBuffer] = "TransformerWritesClassfileBuffer",
        [RuleIds.ReturnsClassfileBuffer] = "TransformerReturnsUnchangedBuffer",
        [RuleIds.BootSearchAppend] = "RuntimeBootSearchAppend",
        [RuleIds.UnreadableClass] = "UnreadableInput",
        [RuleIds.LimitExceeded] = "ArchiveLimitReached",
        [RuleIds.AnalyzerFailure] = "RuleFailure",
        [RuleIds.UnusedSuppression] = "UnusedSuppression",
        [RuleIds.EmptyInput] = "EmptyInput",
    };

    /// <summary>True when <paramref name="id"/> has a name in the table (tests check every rule has one).</summary>
    public static bool IsNamed(string id) => Names.ContainsKey(id);

    /// <summary>The table's name, else the title's words in PascalCase.</summary>
    public static string For(string id, string title) => Names.TryGetValue(id, out var name) ? name : FromTitle(title);

    internal static string FromTitle(string title) => string.Concat(
        title.Split(title.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct().ToArray())
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
