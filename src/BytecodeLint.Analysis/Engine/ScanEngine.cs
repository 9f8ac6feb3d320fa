using System.Diagnostics;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Runs the registered rules over inputs: opens each input, visits its classes in parallel
/// (class actions, then method actions for every method with code), runs artifact-end actions,
/// turns unreadable entries into BL9xxx diagnostics, and returns everything in
/// <see cref="DiagnosticOrder"/>. An unreadable top-level input becomes an <see cref="InputError"/>; the others are still scanned.
/// </summary>
public sealed class ScanEngine
{
    private readonly List<(string RuleIds, AnalyzerRegistration Registration)> _rules = [];
    private readonly AnalyzerOptions _options;
    private readonly InputLimits _limits;
    private readonly int _parallelism;
    private readonly SourceMapper _sources;

    public ScanEngine(IEnumerable<BytecodeAnalyzer> analyzers, AnalyzerOptions? options = null, InputLimits? limits = null, int maxDegreeOfParallelism = 0)
    {
        _options = options ?? AnalyzerOptions.Default;
        _limits = limits ?? InputLimits.Default;
        _parallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        _sources = new SourceMapper(_options.SourceRoots);
        foreach (var analyzer in analyzers)
        {
            // Like Roslyn, a rule whose every diagnostic is disabled is not run at all. An analyzer that
            // reports nothing (a service building a model for a library caller or a test) always runs.
            if (analyzer.SupportedDiagnostics.Length > 0 && analyzer.SupportedDiagnostics.All(d => _options.EffectiveSeverity(d) is null)) continue;
            var registration = new AnalyzerRegistration();
            analyzer.Initialize(registration);
            _rules.Add((string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id)), registration));
        }
    }

    /// <summary>Bytes of inputs that may be scanned at once (see <see cref="InputAdmission"/>; tests lower it).</summary>
    internal long SideBySideBudget { get; init; } = InputAdmission.DefaultBudget;

    /// <summary>Growth of the older GC generations after which a finished input triggers a full collection (see <see cref="FinishedInputCollector"/>).</summary>
    internal long FinishedInputBudget { get; init; } = FinishedInputCollector.DefaultBudget;

    /// <summary>Scans inputs given by path (see <see cref="Scan(IReadOnlyList{ScanInput}, CancellationToken)"/>).</summary>
    public ScanResult Scan(IReadOnlyList<string> paths, CancellationToken cancellation = default) =>
        Scan(ScanInput.FromPaths(paths), cancellation);

    /// <summary>
    /// Scans every input. One that cannot be read at all (missing, not a class file or archive) becomes an
    /// <see cref="InputError"/> and the others are still scanned: nothing is lost to one bad input.
    /// </summary>
    public ScanResult Scan(IReadOnlyList<ScanInput> inputs, CancellationToken cancellation = default)
    {
        // Inputs are scanned side by side as well: each one ends with sequential work (artifact-end
        // actions such as BL0002's value flow) and small inputs cannot keep every core busy on their
        // own (the 70 JDK jmods: 1.59 -> 1.37 s). Results are kept by input index
        // and sorted, so the output does not depend on which input finishes first.
        var results = new (InputSummary Summary, IReadOnlyCollection<Diagnostic> Found)?[inputs.Count];
        var failures = new InputError?[inputs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = inputs.Count > 1 ? _parallelism : 1, CancellationToken = cancellation };
        // Only what is kept per input (its summary and findings) grows with the number of inputs: the
        // artifact is unmapped and everything else ScanOne built is unreachable once it returns, and is
        // collected before it adds up (FinishedInputCollector; one input: the caller is done anyway). Large
        // inputs run alone (InputAdmission), so the peak is the largest input's, not the sum of two.
        var admission = new InputAdmission(SideBySideBudget);
        var collector = inputs.Count > 1 ? new FinishedInputCollector(FinishedInputBudget) : null;
        Parallel.For(0, inputs.Count, parallel, i =>
        {
            long size = inputs[i].SizeHint();
            admission.Enter(size, cancellation);
            try
            {
                // A large input runs alone: what the earlier ones left is collected first, not added to its peak.
                if (size > admission.Budget) collector?.CollectNow();
                results[i] = ScanOne(inputs[i], cancellation);
            }
            catch (InputException e)
            {
                failures[i] = new InputError(inputs[i].Path, e.Reason);
                _options.Progress?.InputDone();
            }
            finally
            {
                admission.Exit(size);
            }
            collector?.InputFinished();
        });

        var diagnostics = new List<Diagnostic>();
        foreach (var result in results)
            if (result is { } r) diagnostics.AddRange(r.Found);
        diagnostics.Sort(new DiagnosticOrder([.. inputs.Select(i => i.Path)]));
        return new ScanResult([.. results.Where(r => r is not null).Select(r => r!.Value.Summary)], diagnostics)
        {
            InputErrors = [.. failures.OfType<InputError>()],
        };
    }

    private (InputSummary, IReadOnlyCollection<Diagnostic>) ScanOne(ScanInput scanInput, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        string input = scanInput.Path;
        _options.Progress?.StartInput(input);
        using var artifact = scanInput.Open(_limits);
        var sink = new DiagnosticSink(_options);
        foreach (var problem in artifact.Problems) ReportProblem(artifact, sink, problem);
        // A folder not built yet, an empty zip: say so, or a CI gate passes green on nothing.
        if (artifact.ClassEntries.Count == 0 && artifact.Problems.Count == 0)
            sink.Report(Diagnostic.Create(InputDiagnostics.EmptyInput, new DiagnosticLocation(input, input), null, "empty", input));

        // Per-artifact actions: the global ones plus those registered at artifact start.
        var classActions = new List<(string Rule, Action<ClassAnalysisContext> Action)>();
        var methodActions = new List<(string Rule, Action<MethodAnalysisContext> Action)>();
        var endActions = new List<(string Rule, Action<ArtifactEndContext> Action)>();
        var services = new ArtifactServices();
        foreach (var (rule, registration) in _rules)
        {
            classActions.AddRange(registration.ClassActions.Select(a => (rule, a)));
            methodActions.AddRange(registration.MethodActions.Select(a => (rule, a)));
            foreach (var start in registration.ArtifactStartActions)
            {
                var context = new ArtifactStartContext(artifact, _options, sink, cancellation, services);
                start(context);
                classActions.AddRange(context.ClassActions.Select(a => (rule, a)));
                methodActions.AddRange(context.MethodActions.Select(a => (rule, a)));
                endActions.AddRange(context.EndActions.Select(a => (rule, a)));
            }
        }

        var suppressions = new SuppressionIndex(_options.SuppressionAnnotations);
        int classes = 0, parseErrors = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellation };
        var entries = _options.EntryFilter is { IsEmpty: false } filter
            ? (IReadOnlyList<ClassEntry>)artifact.ClassEntries.Where(e => filter.Accepts(input, e)).ToList()
            : artifact.ClassEntries;
        long classBytes = entries.Sum(e => e.UncompressedSize);
        _options.Progress?.InputOpened(input, classBytes);
        Parallel.ForEach(entries, parallel, entry =>
        {
            _options.Progress?.ClassRead(entry.UncompressedSize);
            if (VisitClass(artifact, entry, sink, suppressions, classActions, methodActions, cancellation)) Interlocked.Increment(ref classes);
            else Interlocked.Increment(ref parseErrors);
        });

        // The rules' end actions are independent (BL0002's value flow, the agent rules' call graphs, summaries) and
        // otherwise leave a core idle at the end of a large input: they run side by side. What they share is
        // thread-safe (the sink, the artifact's services and flow); findings are sorted afterwards.
        var end = new ArtifactEndContext(artifact, _options, sink, cancellation, _sources, suppressions, services);
        Parallel.ForEach(endActions, parallel, entry =>
        {
            var (rule, action) = entry;
            try { action(end); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sink.Report(Diagnostic.Create(InputDiagnostics.AnalyzerFailure, end.ArtifactLocation(), null, rule, rule, e.GetType().Name + ": " + e.Message));
            }
        });

        var diagnostics = ApplySuppressions(artifact, sink, suppressions);
        var agents = artifact.Archives.Where(AgentManifest.IsAgent).Select(a => a.Location).ToList();
        _options.Progress?.InputDone(input);
        var summary = new InputSummary(input, entries.Count, classBytes, classes, parseErrors, artifact.NestedArchives, agents, clock.Elapsed);
        return (summary, diagnostics);
    }

    /// <summary>Marks findings covered by an in-bytecode suppression and reports unused suppressions (BL9004, opt-in).</summary>
    private List<Diagnostic> ApplySuppressions(Artifact artifact, DiagnosticSink sink, SuppressionIndex suppressions)
    {
        var used = new HashSet<AnnotationSuppression>();
        var result = new List<Diagnostic>(sink.Diagnostics.Count);
        foreach (var diagnostic in sink.Diagnostics)
        {
            if (suppressions.Find(diagnostic) is { } suppression)
            {
                used.Add(suppression);
                string why = suppression.Justification.Length > 0 ? $": {suppression.Justification}" : "";
                result.Add(diagnostic with { SuppressedBy = $"@{_options.SuppressionAnnotations[0]} on {suppression.Symbol}{why}" });
            }
            else
            {
                result.Add(diagnostic);
            }
        }
        if (_options.EffectiveSeverity(InputDiagnostics.UnusedSuppression) is not null)
        {
            var unusedSink = new DiagnosticSink(_options);
            foreach (var suppression in suppressions.All.Where(s => !used.Contains(s)))
            {
                var location = new DiagnosticLocation(artifact.InputPath, suppression.Entry, suppression.Class, suppression.Member, suppression.Descriptor);
                unusedSink.Report(Diagnostic.Create(InputDiagnostics.UnusedSuppression, location, null,
                    "unused:" + string.Join(",", suppression.RuleIds), string.Join(", ", suppression.RuleIds), suppression.Symbol));
            }
            result.AddRange(unusedSink.Diagnostics);
        }
        return result;
    }

    [ThreadStatic] private static ClassParseBuffers? t_parseBuffers;

    /// <summary>Reads, parses and analyses one class; false when it could not be read or parsed.</summary>
    private bool VisitClass(
        Artifact artifact,
        ClassEntry entry,
        DiagnosticSink sink,
        SuppressionIndex suppressions,
        List<(string Rule, Action<ClassAnalysisContext> Action)> classActions,
        List<(string Rule, Action<MethodAnalysisContext> Action)> methodActions,
        CancellationToken cancellation)
    {
        EntryBytes bytes;
        try
        {
            bytes = entry.Read();
        }
        catch (EntryReadException e)
        {
            ReportProblem(artifact, sink, e.ToProblem());
            return false;
        }

        using (bytes)
        {
            JavaClass parsed;
            try
            {
                // The class lives only while its (pooled) bytes do, so its pool tables can be this thread's too.
                parsed = JavaClass.Parse(bytes.Memory, t_parseBuffers ??= new ClassParseBuffers());
            }
            catch (ClassFormatException e)
            {
                ReportUnreadable(artifact, entry, sink, e);
                return false;
            }

            var context = new ClassAnalysisContext(artifact, entry, parsed, _options, sink, _sources, cancellation, suppressions);
            string rule = "";
            try
            {
                suppressions.Collect(context);
                foreach (var (id, action) in classActions)
                {
                    rule = id;
                    action(context);
                }
                if (methodActions.Count > 0)
                {
                    foreach (var method in parsed.Methods)
                    {
                        rule = "";
                        if (method.GetCode() is not { } code) continue;
                        var methodContext = new MethodAnalysisContext(context, method, code, artifact, _options, sink, _sources);
                        foreach (var (id, action) in methodActions)
                        {
                            rule = id;
                            action(methodContext);
                        }
                    }
                }
            }
            catch (ClassFormatException e)
            {
                // A malformed attribute found while a rule looked deeper than the parse does.
                ReportUnreadable(artifact, entry, sink, e);
                return false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sink.Report(Diagnostic.Create(InputDiagnostics.AnalyzerFailure, context.CreateLocation(), null, rule, rule, e.GetType().Name + ": " + e.Message));
            }
            return true;
        }
    }

    private static void ReportUnreadable(Artifact artifact, ClassEntry entry, DiagnosticSink sink, ClassFormatException e) =>
        sink.Report(InputDiagnostics.Unreadable(artifact.InputPath, entry.Location, e.Offset, e.Message));

    private static void ReportProblem(Artifact artifact, DiagnosticSink sink, InputProblem problem)
    {
        var descriptor = problem.Kind == InputProblemKind.LimitExceeded ? InputDiagnostics.LimitExceeded : InputDiagnostics.UnreadableClass;
        var properties = new Dictionary<string, double>();
        if (problem.Offset is { } offset) properties["offset"] = offset;
        string where = problem.Offset is { } o ? $" at byte offset {o}" : "";
        sink.Report(Diagnostic.Create(descriptor, new DiagnosticLocation(artifact.InputPath, problem.Location), properties,
            problem.Kind.ToString(), $"{problem.Location}{where}: {problem.Message}"));
    }
}
