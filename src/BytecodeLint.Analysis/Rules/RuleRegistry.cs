using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.Analysis.Rules.Agent;

namespace BytecodeLint.Analysis.Rules;

/// <summary>The one list of rules that ship. Docs, the README table and release notes are checked against it by tests.</summary>
public static class RuleRegistry
{
    /// <summary>A fresh instance of every analyzer.</summary>
    public static IReadOnlyList<BytecodeAnalyzer> CreateAnalyzers() =>
    [
        new CatchThrowableAnalyzer(),
        new ExpensiveWideningAnalyzer(),
        new NaNConstantAnalyzer(),
        new PoolRebuildAnalyzer(),
        new AgentAnalyzer(),
    ];

    /// <summary>Every descriptor: the analyzers' and the engine's own input diagnostics, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } =
        CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Concat(InputDiagnostics.All)
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    public static DiagnosticDescriptor? Find(string id) =>
        AllDescriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
