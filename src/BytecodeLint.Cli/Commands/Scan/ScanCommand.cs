using BytecodeLint.Analysis.Pairs;
using System.CommandLine;
using System.Globalization;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Baseline;
using BytecodeLint.Analysis.Configuration;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Cli.Output;
using BytecodeLint.Cli.Terminal;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// <c>bytecodelint scan PATH...</c>: runs every enabled rule, applies the policy (global config
/// severities and suppressions, baseline) and writes one or more reports.
/// </summary>
internal static class ScanCommand
{
    private static readonly string[] FailOnValues = ["error", "warning", "note", "never"];

    /// <summary>The report formats of <c>scan</c>; the first is the default.</summary>
    internal static readonly string[] Formats = ["text", "msbuild", "json", "sarif"];

    /// <summary>GitHub code scanning rejects a run with more results (docs/sarif.md).</summary>
    internal const int GitHubMaxResultsPerRun = 25_000;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Jars (.jar .war .ear .zip .jmod), class folders or .class files." };
        var format = CommonOptions.Format(Formats);
        var output = CommonOptions.Output();
        var targetJdk = CommonOptions.TargetJdk("JDK the code runs on (e.g. 17, 21.0.4, 25). Default: any supported JDK. Overrides bytecodelint.target_jdk.");
        var configs = new Option<string[]>("--config") { Description = "Global config file in Roslyn syntax (repeatable); .globalconfig files in the current folder and above are read too.", AllowMultipleArgumentsPerToken = false, HelpName = "FILE" };
        var noGlobalConfig = new Option<bool>("--no-global-config") { Description = "Do not read .globalconfig files found in the current folder and above." };
        var sourceRoots = new Option<string[]>("--source-root") { Description = "Folder of Java sources by package (repeatable); maps findings to source files. Replaces bytecodelint.source_roots.", AllowMultipleArgumentsPerToken = false, HelpName = "DIR" };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline file: findings listed in it are reported as suppressed and do not fail the run.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write (or update) a baseline accepting every current finding; the run then exits 0.", HelpName = "FILE" };
        var sarifBase = new Option<string?>("--sarif-base") { Description = "Folder SARIF paths are relative to (the repository root; default: the current folder).", HelpName = "DIR" };
        var sarifCategory = new Option<string?>("--sarif-category")
        {
            Description = $"SARIF runs[].automationDetails.id: the category that keeps this run apart from others of bytecodelint in code scanning (default: {SarifFormatter.DefaultAutomationId}).",
            HelpName = "ID",
        };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a finding has at least this severity: error, warning, note or never.", DefaultValueFactory = _ => "error", HelpName = "SEVERITY" };
        failOn.AcceptOnlyFromAmong(FailOnValues);
        var verbosity = CommonOptions.Verbosity();
        var transformed = new Option<string?>("--transformed") { Description = "Class dumps of an agent (folder or jar, e.g. Arthas -Darthas.dump, Byte Buddy net.bytebuddy.dump): each is merged with the scanned class of the same name as HotSpot would, and pool-layout drift that widens ldc is reported (BL0002 pair mode).", HelpName = "PATH" };
        var parallelism = CommonOptions.Parallelism();

        var command = new Command("scan", "Find bytecode that leaks or explodes Metaspace when retransformed.")
        {
            paths, format, output, targetJdk, configs, noGlobalConfig, sourceRoots, baseline, writeBaseline, sarifBase, sarifCategory, failOn, verbosity, transformed, parallelism,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var level = CommonOptions.VerbosityOf(parse, verbosity);
            var targets = ReportTargets.Resolve(parse.GetValue(format) ?? [], parse.GetValue(output), Formats);
            var inputs = parse.GetValue(paths) ?? [];

            var config = LoadConfig(parse.GetValue(configs) ?? [], !parse.GetValue(noGlobalConfig), Directory.GetCurrentDirectory());
            if (level != Verbosity.Quiet)
                foreach (var warning in config.Warnings) stderr.WriteLine("warning: " + warning);
            if (level >= Verbosity.Detailed)
                foreach (var file in config.Files) stderr.WriteLine("config: " + file);

            var options = config.ApplyTo(AnalyzerOptions.Default);
            if (parse.GetValue(targetJdk) is { } jdk) options = options with { TargetJdk = CommonOptions.ParseJdk(jdk) };
            if (parse.GetValue(sourceRoots) is { Length: > 0 } roots) options = options with { SourceRoots = roots };

            bool showProgress = ReferenceEquals(stderr, Console.Error)
                                && TerminalPolicy.ShowProgress(Console.IsErrorRedirected, Environment.GetEnvironmentVariable, level);
            var progress = showProgress ? new ScanProgress() : null;
            var engine = new ScanEngine(RuleRegistry.CreateAnalyzers(), options with { Progress = progress }, maxDegreeOfParallelism: parse.GetValue(parallelism) ?? 0);
            ScanResult result;
            try
            {
                using var display = progress is null ? null : new ProgressDisplay(progress, stderr, inputs);
                result = engine.Scan(inputs);
                if (parse.GetValue(transformed) is { } dumps)
                    result = AddTransformedPairs(result, inputs, dumps, options, level, stderr);
            }
            catch (InputException e)
            {
                throw new UserErrorException(e.Message);
            }

            IReadOnlyList<Diagnostic> diagnostics = ConfigSuppressions.Apply(result.Diagnostics, config.Suppressions, out var unused);
            var unusedFindings = ConfigSuppressions.ReportUnused(unused, options).ToList();
            diagnostics = [.. diagnostics, .. unusedFindings];
            // The text report lists findings per input; these belong to no input, so say them here too.
            if (level != Verbosity.Quiet)
                foreach (var finding in unusedFindings) stderr.WriteLine($"{finding.Location.Entry}: {finding.Severity.ToDisplayName()} {finding.Id}: {finding.Message}");
            (diagnostics, var outcome) = ApplyBaselines(diagnostics, parse.GetValue(baseline), parse.GetValue(writeBaseline), level, stderr);
            var report = new ScanReport(result with { Diagnostics = diagnostics }, options.TargetJdk) { Baseline = outcome };

            if (level >= Verbosity.Detailed) WriteTimings(report, stderr);
            var sarif = new SarifSettings(parse.GetValue(sarifBase) ?? Directory.GetCurrentDirectory(), parse.GetValue(sarifCategory));
            WriteReports(report, targets, sarif, stdout);
            if (targets.Any(t => t.Format == "sarif") && report.Result.Diagnostics.Count > GitHubMaxResultsPerRun && level != Verbosity.Quiet)
                stderr.WriteLine($"warning: the SARIF report has {report.Result.Diagnostics.Count:N0} results; GitHub code scanning rejects more than {GitHubMaxResultsPerRun:N0} per run (narrow it with bytecodelint.include/exclude or a baseline)");
            return ExitCodeFor(report, parse.GetValue(failOn) ?? "error");
        });
        return command;
    }

    /// <summary>Reads <c>--config</c> files and, unless turned off, the <c>.globalconfig</c> files from <paramref name="directory"/> up.</summary>
    internal static BytecodeLintConfig LoadConfig(IReadOnlyList<string> explicitFiles, bool discover, string directory)
    {
        foreach (var file in explicitFiles)
            if (!File.Exists(file)) throw new UserErrorException($"--config: '{file}' does not exist");
        // Farthest first, so files read in an order a person expects; levels and conflicts do not depend on it.
        var files = (discover ? GlobalConfigFile.Discover(directory).Reverse() : []).Concat(explicitFiles).ToList();
        if (files.Count == 0) return BytecodeLintConfig.Empty;
        try
        {
            return BytecodeLintConfig.Load(files);
        }
        catch (Exception e) when (e is ConfigException or FormatException)
        {
            throw new UserErrorException(e.Message);
        }
    }

    /// <summary>
    /// <c>--baseline</c> marks listed findings as suppressed; <c>--write-baseline</c> then writes every
    /// finding not suppressed in bytecode or config (baselined ones included, stale ones dropped) and
    /// marks the rest as baselined too, so the run that accepts the findings exits 0.
    /// </summary>
    private static (IReadOnlyList<Diagnostic>, BaselineOutcome?) ApplyBaselines(IReadOnlyList<Diagnostic> diagnostics, string? readPath, string? writePath, Verbosity level, TextWriter stderr)
    {
        BaselineOutcome? outcome = null;
        if (!string.IsNullOrEmpty(readPath))
        {
            BaselineFile file;
            try
            {
                file = BaselineFile.Load(readPath);
            }
            catch (BaselineException e)
            {
                throw new UserErrorException(e.Message);
            }
            (diagnostics, outcome) = BaselineFilter.Apply(diagnostics, file, readPath);
            if (outcome.StaleCount > 0 && level != Verbosity.Quiet)
                stderr.WriteLine($"baseline {readPath}: {outcome.StaleCount} stale entr{(outcome.StaleCount == 1 ? "y" : "ies")} no longer found; prune with --write-baseline {readPath}");
        }
        if (!string.IsNullOrEmpty(writePath))
        {
            var accepted = BaselineFile.From(diagnostics.Where(d => !d.IsSuppressed || SuppressionSources.IsBaseline(d.SuppressedBy!)));
            try
            {
                accepted.Save(writePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserErrorException($"cannot write baseline '{writePath}': {e.Message}");
            }
            var (marked, written) = BaselineFilter.Apply(diagnostics, accepted, writePath);
            diagnostics = marked;
            outcome ??= written;
            if (level != Verbosity.Quiet)
                stderr.WriteLine($"baseline {writePath}: wrote {accepted.Entries.Sum(e => e.Count)} finding{(accepted.Entries.Sum(e => e.Count) == 1 ? "" : "s")} ({accepted.Entries.Count} entries)");
        }
        return (diagnostics, outcome);
    }

    private static void WriteTimings(ScanReport report, TextWriter stderr)
    {
        foreach (var input in report.Result.Inputs)
        {
            double seconds = input.Elapsed.TotalSeconds;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timing: {input.Path}: {input.Classes:N0} classes in {seconds:F3} s ({(seconds > 0 ? input.Classes / seconds : 0):F0} classes/s)"));
        }
    }

    /// <summary>BL0002 pair mode: merges the agent's dumps with the scanned classes and adds what widens.</summary>
    private static ScanResult AddTransformedPairs(ScanResult result, string[] inputs, string dumps, AnalyzerOptions options, Verbosity level, TextWriter stderr)
    {
        var pairs = TransformedComparison.Compare(inputs, dumps, options);
        if (level != Verbosity.Quiet)
            stderr.WriteLine($"{dumps}: {pairs.TransformedClasses} transformed classes, {pairs.Pairs} changed pairs merged, {pairs.Unmatched} without a scanned original");
        var all = result.Diagnostics.Concat(pairs.Diagnostics).ToList();
        all.Sort(new DiagnosticOrder(inputs));
        return result with { Diagnostics = all };
    }

    /// <summary>Writes each report; colour only for text on a colour terminal.</summary>
    private static void WriteReports(ScanReport report, IEnumerable<OutputTarget> targets, SarifSettings sarif, TextWriter stdout)
    {
        foreach (var target in targets)
        {
            IScanFormatter formatter = target.Format switch
            {
                "json" => new JsonFormatter(),
                "msbuild" => new MsBuildFormatter(),
                "sarif" => new SarifFormatter(sarif.BaseDirectory, sarif.Category),
                _ => new TextFormatter(),
            };
            bool color = target.Format == "text" && target.Path is null && StandardOutput.IsConsole(stdout)
                         && TerminalPolicy.UseColor(Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
            OutputFile.Write(target.Path, stdout, writer =>
            {
                if (!color)
                {
                    formatter.Write(report, writer);
                    return;
                }
                using var colored = new ColorTextWriter(writer);
                formatter.Write(report, colored);
            });
        }
    }

    private sealed record SarifSettings(string BaseDirectory, string? Category);

    /// <summary>1 when an unsuppressed finding is at or above the --fail-on severity, else 0.</summary>
    internal static int ExitCodeFor(ScanReport report, string failOn)
    {
        if (failOn == "never") return ExitCodes.Success;
        SeverityNames.TryParse(failOn, out var threshold);
        return report.Active.Any(d => d.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }
}
