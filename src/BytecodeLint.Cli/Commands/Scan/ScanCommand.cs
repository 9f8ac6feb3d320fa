using System.CommandLine;
using System.Globalization;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;
using BytecodeLint.Cli.Terminal;

namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// <c>bytecodelint scan PATH...</c>: turns the arguments into a <see cref="ScanRequest"/>, runs the scan
/// pipeline (rules, configuration, suppressions, baseline, pair mode) and writes one or more reports.
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

            bool showProgress = ReferenceEquals(stderr, Console.Error)
                                && TerminalPolicy.ShowProgress(Console.IsErrorRedirected, Environment.GetEnvironmentVariable, level);
            var progress = showProgress ? new ScanProgress() : null;
            var request = new ScanRequest
            {
                Inputs = ScanInput.FromPaths(inputs),
                ConfigFiles = parse.GetValue(configs) ?? [],
                DiscoverConfigFrom = parse.GetValue(noGlobalConfig) ? null : Directory.GetCurrentDirectory(),
                TargetJdk = parse.GetValue(targetJdk) is { } jdk ? CommonOptions.ParseJdk(jdk) : null,
                SourceRoots = parse.GetValue(sourceRoots) is { Length: > 0 } roots ? roots : null,
                BaselinePath = parse.GetValue(baseline),
                WriteBaselinePath = parse.GetValue(writeBaseline),
                Transformed = parse.GetValue(transformed) is { } dumps ? ScanInput.FromPath(dumps) : null,
                Parallelism = parse.GetValue(parallelism) ?? 0,
                Progress = progress,
            };
            ScanReport report;
            try
            {
                using var display = progress is null ? null : new ProgressDisplay(progress, stderr, inputs);
                report = ScanPipeline.Run(request);
            }
            catch (ScanSetupException e)
            {
                throw new UserErrorException(e.Message);
            }
            WriteNotes(report, level, stderr);

            if (level >= Verbosity.Detailed) WriteTimings(report, stderr);
            var sarif = new SarifSettings(parse.GetValue(sarifBase) ?? Directory.GetCurrentDirectory(), parse.GetValue(sarifCategory));
            WriteReports(report, targets, sarif, stdout);
            if (targets.Any(t => t.Format == "sarif") && report.Result.Diagnostics.Count > GitHubMaxResultsPerRun && level != Verbosity.Quiet)
                stderr.WriteLine($"warning: the SARIF report has {report.Result.Diagnostics.Count:N0} results; GitHub code scanning rejects more than {GitHubMaxResultsPerRun:N0} per run (narrow it with bytecodelint.include/exclude or a baseline)");
            // Every report is written first: an unreadable input must not cost the findings of the others.
            foreach (var error in report.InputErrors) stderr.WriteLine($"error: {error.Path}: {error.Message}");
            if (report.InputErrors.Count > 0) return ExitCodes.UsageOrInput;
            return ExitCodeFor(report, parse.GetValue(failOn) ?? "error");
        });
        return command;
    }

    /// <summary>The pipeline's lines for a person: warnings and notes unless quiet, details only when detailed.</summary>
    private static void WriteNotes(ScanReport report, Verbosity level, TextWriter stderr)
    {
        if (level == Verbosity.Quiet) return;
        foreach (var note in report.Notes)
        {
            if (note.Detailed && level < Verbosity.Detailed) continue;
            stderr.WriteLine(note.IsWarning ? "warning: " + note.Text : note.Text);
        }
    }

    private static void WriteTimings(ScanReport report, TextWriter stderr)
    {
        foreach (var input in report.Result.Inputs)
        {
            double seconds = input.Elapsed.TotalSeconds;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timing: {input.Path}: {input.Classes:N0} classes in {seconds:F3} s ({(seconds > 0 ? input.Classes / seconds : 0):F0} classes/s, {(seconds > 0 ? input.ClassBytes / 1e6 / seconds : 0):F1} MB/s of class bytes)"));
        }
        // The whole process so far: what the garbage collector cost, for a profile's first question.
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: garbage collection: {GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} full), {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused, {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated"));
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
