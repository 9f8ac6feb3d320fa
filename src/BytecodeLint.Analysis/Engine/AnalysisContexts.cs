using System.Collections.Concurrent;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Engine;

/// <summary>Collects findings from concurrently running callbacks and applies the effective severity.</summary>
internal sealed class DiagnosticSink(AnalyzerOptions options)
{
    private readonly ConcurrentBag<Diagnostic> _diagnostics = [];

    public void Report(Diagnostic diagnostic)
    {
        var severity = options.EffectiveSeverity(diagnostic.Descriptor);
        if (severity is null) return; // disabled by configuration
        // A configured severity wins; otherwise keep the rule's own choice (a rule may raise a
        // finding above its default, e.g. BL0004 when the pool overflows within a few retransforms).
        if (options.SeverityOverrides.ContainsKey(diagnostic.Id) && severity != diagnostic.Severity)
            diagnostic = diagnostic with { Severity = severity.Value };
        _diagnostics.Add(diagnostic);
    }

    public IReadOnlyCollection<Diagnostic> Diagnostics => _diagnostics;
}

/// <summary>What every context offers: the input, options and a way to report.</summary>
public abstract class AnalysisContextBase
{
    private protected readonly DiagnosticSink _sink;

    private protected AnalysisContextBase(Artifact artifact, AnalyzerOptions options, DiagnosticSink sink, CancellationToken cancellation)
    {
        Artifact = artifact;
        Options = options;
        _sink = sink;
        CancellationToken = cancellation;
    }

    /// <summary>The command-line input being scanned (archives, manifests, entries).</summary>
    public Artifact Artifact { get; }

    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => _sink.Report(diagnostic);

    /// <summary>Creates and reports a diagnostic with the descriptor's default severity (configuration may change it).</summary>
    public void Report(DiagnosticDescriptor descriptor, DiagnosticLocation location, IReadOnlyDictionary<string, double>? properties, string evidence, params object?[] messageArgs) =>
        _sink.Report(Diagnostic.Create(descriptor, location, properties, evidence, messageArgs));
}

/// <summary>Per-artifact registration point for rules that keep state across classes.</summary>
public sealed class ArtifactStartContext : AnalysisContextBase
{
    internal ArtifactStartContext(Artifact artifact, AnalyzerOptions options, DiagnosticSink sink, CancellationToken cancellation, ArtifactServices? services = null)
        : base(artifact, options, sink, cancellation)
    {
        Services = services ?? new ArtifactServices();
    }

    /// <summary>Services shared by all rules for this artifact (the same instance at artifact end).</summary>
    public ArtifactServices Services { get; }

    internal List<Action<ClassAnalysisContext>> ClassActions { get; } = [];
    internal List<Action<MethodAnalysisContext>> MethodActions { get; } = [];
    internal List<Action<ArtifactEndContext>> EndActions { get; } = [];

    public void RegisterClassAction(Action<ClassAnalysisContext> action) => ClassActions.Add(action);

    public void RegisterMethodAction(Action<MethodAnalysisContext> action) => MethodActions.Add(action);

    /// <summary>Runs after every class of the artifact was visited.</summary>
    public void RegisterArtifactEndAction(Action<ArtifactEndContext> action) => EndActions.Add(action);
}

/// <summary>Passed to artifact-end actions.</summary>
public sealed class ArtifactEndContext : AnalysisContextBase
{
    private readonly SourceMapper _sources;
    private readonly SuppressionIndex? _suppressions;

    internal ArtifactEndContext(Artifact artifact, AnalyzerOptions options, DiagnosticSink sink, CancellationToken cancellation, SourceMapper? sources = null, SuppressionIndex? suppressions = null, ArtifactServices? services = null)
        : base(artifact, options, sink, cancellation)
    {
        _sources = sources ?? new SourceMapper([]);
        _suppressions = suppressions;
        Services = services ?? new ArtifactServices();
    }

    /// <summary>The services rules created for this artifact at its start.</summary>
    public ArtifactServices Services { get; }

    /// <summary>
    /// Reads and parses one class entry of the artifact again, after the visit, and runs
    /// <paramref name="use"/> on a context like the one the visit had; the bytes are released when it
    /// returns. For rules that only learn at the end which few classes they need in depth (BL0002):
    /// keeping every class's facts through the visit would cost far more than inflating a few twice.
    /// Returns null when the entry cannot be read again (I/O) or <paramref name="use"/> finds the
    /// class malformed deeper than the parse checks; that is reported as BL9001, as the visit does.
    /// </summary>
    public T? RevisitClass<T>(ClassEntry entry, Func<ClassAnalysisContext, T> use) where T : class
    {
        try
        {
            using var bytes = entry.Read();
            var parsed = JavaClass.Parse(bytes.Memory);
            return use(new ClassAnalysisContext(Artifact, entry, parsed, Options, _sink, _sources, CancellationToken, _suppressions));
        }
        catch (ClassFormatException e)
        {
            _sink.Report(InputDiagnostics.Unreadable(Artifact.InputPath, entry.Location, e.Offset, e.Message));
        }
        catch (EntryReadException e)
        {
            _sink.Report(InputDiagnostics.Unreadable(Artifact.InputPath, entry.Location, e.Offset ?? 0, e.Reason));
        }
        return null;
    }

    /// <summary>A location naming only the artifact (for whole-artifact findings).</summary>
    public DiagnosticLocation ArtifactLocation(string? entry = null) => new(Artifact.InputPath, entry ?? Artifact.InputPath);
}

/// <summary>One parsed class.</summary>
public class ClassAnalysisContext : AnalysisContextBase
{
    private readonly SourceMapper _sources;
    private string? _className;

    private readonly SuppressionIndex? _suppressions;

    internal ClassAnalysisContext(Artifact artifact, ClassEntry entry, JavaClass @class, AnalyzerOptions options, DiagnosticSink sink, SourceMapper sources, CancellationToken cancellation, SuppressionIndex? suppressions = null)
        : base(artifact, options, sink, cancellation)
    {
        Entry = entry;
        Class = @class;
        _sources = sources;
        _suppressions = suppressions;
    }

    /// <summary>
    /// True when an in-bytecode suppression covers the rule at this member (or the whole class).
    /// Rules that report once per class use it to locate the finding at a site that is not suppressed,
    /// so a method-level suppression does not hide the same problem elsewhere in the class.
    /// </summary>
    public bool IsSuppressed(string ruleId, MemberInfo? member = null) =>
        _suppressions?.Covers(ruleId, ClassName, member?.NameString, member?.DescriptorString) ?? false;

    public ClassEntry Entry { get; }

    public JavaClass Class { get; }

    internal SuppressionIndex? Suppressions => _suppressions;

    /// <summary>The class's binary name with dots (<c>com.acme.Foo</c>).</summary>
    public string ClassName => _className ??= Class.Name.Replace('/', '.');

    /// <summary>A location in this class, optionally at a member and a bytecode offset (the line is looked up).</summary>
    public DiagnosticLocation CreateLocation(MemberInfo? member = null, int? bytecodeOffset = null, CodeAttribute? code = null)
    {
        int? line = null;
        if (member is { } m && bytecodeOffset is { } pc && (code ?? m.GetCode()) is { } body)
        {
            int found = body.FindLine(pc);
            line = found >= 0 ? found : null;
        }
        var sourceFile = SafeSourceFile();
        return new DiagnosticLocation(
            Artifact.InputPath,
            Entry.Location,
            ClassName,
            member?.NameString,
            member?.DescriptorString,
            bytecodeOffset,
            line,
            sourceFile,
            _sources.Map(Class.Name, sourceFile));
    }

    /// <summary>
    /// The SourceFile attribute, or null when it is malformed: the parse checks only the framing of
    /// attributes, and a location must never fail (it is also built when a rule threw, to report that).
    /// </summary>
    private string? SafeSourceFile()
    {
        try
        {
            return Class.SourceFile;
        }
        catch (ClassFormatException)
        {
            return null;
        }
    }
}

/// <summary>One method with a Code attribute.</summary>
public sealed class MethodAnalysisContext : ClassAnalysisContext
{
    internal MethodAnalysisContext(ClassAnalysisContext parent, MemberInfo method, CodeAttribute code, Artifact artifact, AnalyzerOptions options, DiagnosticSink sink, SourceMapper sources)
        : base(artifact, parent.Entry, parent.Class, options, sink, sources, parent.CancellationToken, parent.Suppressions)
    {
        Method = method;
        Code = code;
    }

    public MemberInfo Method { get; }

    public CodeAttribute Code { get; }

    /// <summary>A location at a bytecode offset of this method.</summary>
    public DiagnosticLocation CreateLocation(int? bytecodeOffset) => CreateLocation(Method, bytecodeOffset, Code);
}
