using BytecodeLint.Analysis.Baseline;
using BytecodeLint.Analysis.Configuration;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Rules;

namespace BytecodeLint.Analysis.Scanning;

/// <summary>
/// The one entry point of a scan. In order: configuration (explicit and discovered global config
/// files, validated against the rule catalogue), the engine over every input (rules, severities,
/// in-bytecode suppressions, BL0002 pair mode fed with the agent's dumps, BL9xxx), configuration
/// suppressions and the unused ones (BL9004), then the baseline (read, then written). A host only
/// turns its arguments into a <see cref="ScanRequest"/> and formats the <see cref="ScanReport"/>.
/// </summary>
public static class ScanPipeline
{
    /// <exception cref="ScanSetupException">A config file, baseline or dumps input the user must fix.</exception>
    public static ScanReport Run(ScanRequest request, CancellationToken cancellation = default)
    {
        var notes = new List<ScanNote>();
        var catalog = request.Analyzers is { } custom
            ? new RuleCatalog(custom.SelectMany(a => a.SupportedDiagnostics).Concat(InputDiagnostics.All))
            : RuleRegistry.Catalog;
        var config = LoadConfig(request, catalog);
        notes.AddRange(config.Warnings.Select(w => new ScanNote(w, IsWarning: true)));
        notes.AddRange(config.Files.Select(f => new ScanNote("config: " + f, Detailed: true)));

        var options = config.ApplyTo(AnalyzerOptions.Default);
        if (request.TargetJdk is { } jdk) options = options with { TargetJdk = jdk };
        if (request.SourceRoots is { Count: > 0 } roots) options = options with { SourceRoots = roots };
        var limits = request.Limits ?? InputLimits.Default;
        var dumps = request.Transformed is { } transformed ? ReadDumps(transformed, limits) : null;
        var engine = new ScanEngine(request.Analyzers ?? RuleRegistry.CreateAnalyzers(),
            options with { Progress = request.Progress, TransformedClasses = dumps }, limits, request.Parallelism);
        var result = engine.Scan(request.Inputs, cancellation);

        IReadOnlyList<Diagnostic> diagnostics = result.Diagnostics;
        PairModeSummary? pairs = null;
        if (dumps is not null)
        {
            pairs = dumps.Summary();
            notes.Add(new ScanNote($"{pairs.Path}: {pairs.TransformedClasses} transformed classes, {pairs.Pairs} changed pairs merged, {pairs.Unmatched} without a scanned original"));
            diagnostics = Sorted([.. diagnostics, .. dumps.Problems], request.Inputs);
        }

        diagnostics = ConfigSuppressions.Apply(diagnostics, config.Suppressions, out var unused);
        var unusedFindings = ConfigSuppressions.ReportUnused(unused, options).ToList();
        // They belong to no input, so a text report per input would not show them: say them as notes too.
        notes.AddRange(unusedFindings.Select(f => new ScanNote($"{f.Location.Entry}: {f.Severity.ToDisplayName()} {f.Id}: {f.Message}")));
        diagnostics = [.. diagnostics, .. unusedFindings];

        (diagnostics, var baseline) = ApplyBaselines(diagnostics, request, notes);
        return new ScanReport(result with { Diagnostics = diagnostics }, options.TargetJdk)
        {
            Baseline = baseline,
            PairMode = pairs,
            ConfigFiles = config.Files,
            Notes = notes,
        };
    }

    /// <summary>Explicit <c>--config</c> files and, when asked, the <c>.globalconfig</c> files from a folder up.</summary>
    private static BytecodeLintConfig LoadConfig(ScanRequest request, RuleCatalog catalog)
    {
        foreach (var file in request.ConfigFiles)
            if (!File.Exists(file)) throw new ScanSetupException($"--config: '{file}' does not exist");
        // Farthest first, so files are read in an order a person expects; levels and conflicts do not depend on it.
        var discovered = request.DiscoverConfigFrom is { } directory ? GlobalConfigFile.Discover(directory).Reverse() : [];
        var files = discovered.Concat(request.ConfigFiles).ToList();
        if (files.Count == 0) return BytecodeLintConfig.Empty;
        try
        {
            return BytecodeLintConfig.Load(files, catalog);
        }
        catch (Exception e) when (e is ConfigException or FormatException)
        {
            throw new ScanSetupException(e.Message, e);
        }
    }

    private static TransformedClassSet ReadDumps(ScanInput transformed, InputLimits limits)
    {
        try
        {
            using var artifact = transformed.Open(limits);
            return TransformedClassSet.Read(artifact);
        }
        catch (InputException e)
        {
            throw new ScanSetupException("--transformed: " + e.Message, e);
        }
    }

    private static List<Diagnostic> Sorted(List<Diagnostic> diagnostics, IReadOnlyList<ScanInput> inputs)
    {
        diagnostics.Sort(new DiagnosticOrder([.. inputs.Select(i => i.Path)]));
        return diagnostics;
    }

    /// <summary>
    /// A baseline marks listed findings as suppressed; writing one then records every finding not
    /// suppressed in bytecode or config (baselined ones included, stale ones dropped) and marks the rest
    /// as baselined too, so the run that accepts the findings passes.
    /// </summary>
    private static (IReadOnlyList<Diagnostic>, BaselineOutcome?) ApplyBaselines(IReadOnlyList<Diagnostic> diagnostics, ScanRequest request, List<ScanNote> notes)
    {
        BaselineOutcome? outcome = null;
        if (request.BaselinePath is { Length: > 0 } readPath)
        {
            BaselineFile file;
            try
            {
                file = BaselineFile.Load(readPath);
            }
            catch (BaselineException e)
            {
                throw new ScanSetupException(e.Message, e);
            }
            (diagnostics, outcome) = BaselineFilter.Apply(diagnostics, file, readPath);
            if (outcome.StaleCount > 0)
                notes.Add(new ScanNote($"baseline {readPath}: {outcome.StaleCount} stale entr{(outcome.StaleCount == 1 ? "y" : "ies")} no longer found; prune with --write-baseline {readPath}"));
        }
        if (request.WriteBaselinePath is { Length: > 0 } writePath)
        {
            var accepted = BaselineFile.From(diagnostics.Where(d => !d.IsSuppressed || SuppressionSources.IsBaseline(d.SuppressedBy!)));
            try
            {
                accepted.Save(writePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ScanSetupException($"cannot write baseline '{writePath}': {e.Message}", e);
            }
            var (marked, written) = BaselineFilter.Apply(diagnostics, accepted, writePath);
            diagnostics = marked;
            outcome ??= written;
            int count = accepted.Entries.Sum(e => e.Count);
            notes.Add(new ScanNote($"baseline {writePath}: wrote {count} finding{(count == 1 ? "" : "s")} ({accepted.Entries.Count} entries)"));
        }
        return (diagnostics, outcome);
    }
}
