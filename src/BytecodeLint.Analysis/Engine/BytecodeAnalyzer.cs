using System.Collections.Immutable;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// A rule, Roslyn-style: it declares the descriptors it can report and registers callbacks in
/// <see cref="Initialize"/>. Callbacks run concurrently for different classes, never do I/O, and
/// see no other rule's state. A rule needing cross-class facts registers an artifact-start action,
/// keeps thread-safe state in its closure, and reports from an artifact-end action — extracting
/// what it needs while a class is being visited, because class bytes are released afterwards.
/// </summary>
public abstract class BytecodeAnalyzer
{
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public abstract void Initialize(AnalyzerRegistration registration);
}

/// <summary>Callbacks a rule registers for every artifact.</summary>
public class AnalyzerRegistration
{
    internal List<Action<ClassAnalysisContext>> ClassActions { get; } = [];
    internal List<Action<MethodAnalysisContext>> MethodActions { get; } = [];
    internal List<Action<ArtifactStartContext>> ArtifactStartActions { get; } = [];

    /// <summary>Called once per parsed class.</summary>
    public void RegisterClassAction(Action<ClassAnalysisContext> action) => ClassActions.Add(action);

    /// <summary>Called once per method that has a Code attribute.</summary>
    public void RegisterMethodAction(Action<MethodAnalysisContext> action) => MethodActions.Add(action);

    /// <summary>Called at the start of each artifact; register per-artifact actions there.</summary>
    public void RegisterArtifactStartAction(Action<ArtifactStartContext> action) => ArtifactStartActions.Add(action);
}
