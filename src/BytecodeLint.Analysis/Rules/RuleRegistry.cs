using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Agent;
using BytecodeLint.Analysis.Rules.Retransform;
using BytecodeLint.Analysis.Rules.Retransform.IndyRelink;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.Analysis.Rules.Retransform.ShapeChange;
using BytecodeLint.Analysis.Rules.Retransform.SignedZeros;

namespace BytecodeLint.Analysis.Rules;

/// <summary>The one list of rules that ship. The docs, the README table and the release notes are checked against it by tests.</summary>
public static class RuleRegistry
{
    /// <summary>A fresh instance of every analyzer.</summary>
    public static IReadOnlyList<BytecodeAnalyzer> CreateAnalyzers() =>
    [
        new CatchThrowableAnalyzer(),
        new ExpensiveWideningAnalyzer(),
        new NaNConstantAnalyzer(),
        new PoolRebuildAnalyzer(),
        new IndyRelinkAnalyzer(),
        new ShapeChangeAnalyzer(),
        new SignedZerosAnalyzer(),
        new AgentAnalyzer(),
    ];

    /// <summary>Every descriptor: the analyzers' and the engine's own input diagnostics.</summary>
    public static RuleCatalog Catalog { get; } =
        new(CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Concat(InputDiagnostics.All));

    /// <summary>One descriptor per rule id, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } = Catalog.Rules.ToList();

    public static DiagnosticDescriptor? Find(string id) => Catalog.Find(id);
}
