using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using System.CommandLine;
using System.Globalization;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Baseline;
using BytecodeLint.Analysis.Configuration;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Cli.Output;
using BytecodeLint.Cli.Terminal;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;

namespace BytecodeLint.Cli.Commands;

/// <summary>
/// <c>bytecodelint scan PATH...</c>: runs every enabled rule, applies the policy (global config
/// severities and suppressions, baseline) and writes one or more reports.
/// </summary>
internal static class ScanCommand
{
    private static readonly string[] FailOnValues = ["error", "warning", "note", "never"];
    private static readonly string[] VerbosityValues = ["quiet", "normal", "detailed"];

    /// <summary>GitHub code scanning rejects a run with more results (docs/sarif.md).</summary>
    internal const int GitHubMaxResultsPerRun = 25_000;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Jars (.jar .war .ear .zip .jmod), class folders or .class files." };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Report format: text, msbuild, json or sarif, optionally =FILE (repeatable; e.g. --format text --format sarif=out.sarif). Without =FILE a report goes to --output, else standard output.",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "FORMAT[=FILE]",
        };
        format.Validators.Add(result =>
        {
            foreach (var spec in result.Tokens.Select(t => t.Value))
                if (ScanOutputs.Check(spec) is { } error) result.AddError(error);
        });
        var output = new Option<string?>("--output", "-o") { Description = "Write the report(s) given without =FILE to this file instead of standard output." };
        var targetJdk = new Option<string?>("--target-jdk") { Description = "JDK the code runs on (e.g. 17, 21.0.4, 25). Default: any supported JDK. Overrides bytecodelint.target_jdk." };
        var configs = new Option<string[]>("--config") { Description = "Global config file in Roslyn syntax (repeatable); .globalconfig files in the current folder and above are read too.", AllowMultipleArgumentsPerToken = false };
        var noGlobalConfig = new Option<bool>("--no-global-config") { Description = "Do not read .globalconfig files found in the current folder and above." };
        var sourceRoots = new Option<string[]>("--source-root") { Description = "Folder of Java sources by package (repeatable); maps findings to source files. Replaces bytecodelint.source_roots.", AllowMultipleArgumentsPerToken = false };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline file: findings listed in it are reported as suppressed and do not fail the run." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write (or update) a baseline accepting every current finding; the run then exits 0." };
        var sarifBase = new Option<string?>("--sarif-base") { Description = "Folder SARIF paths are relative to (the repository root; default: the current folder)." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a finding has at least this severity: error, warning, note or never.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong(FailOnValues);
        var verbosity = new Option<string>("--verbosity", "-v") { Description = "quiet, normal or detailed (per-input timings) output on standard error.", DefaultValueFactory = _ => "normal" };
        verbosity.AcceptOnlyFromAmong(VerbosityValues);
        var transformed = new Option<string?>("--transformed") { Description = "Class dumps of an agent (folder or jar, e.g. Arthas -Darthas.dump, Byte Buddy net.bytebuddy.dump): each is merged with the scanned class of the same name as HotSpot would, and pool-layout drift that widens ldc is reported (BL0002 pair mode)." };
        var parallelism = new Option<int>("--parallelism") { Description = "Threads used to analyse classes (default: processor count). Output does not depend on it.", DefaultValueFactory = _ => 0 };

        var command = new Command("scan", "Find bytecode that leaks or explodes Metaspace when retransformed.")
        {
            paths, format, output, targetJdk, configs, noGlobalConfig, sourceRoots, baseline, writeBaseline, sarifBase, failOn, verbosity, transformed, parallelism,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var level = TerminalPolicy.ParseVerbosity(parse.GetValue(verbosity));
            var targets = ScanOutputs.Resolve(parse.GetValue(format) ?? [], parse.GetValue(output));
            var inputs = parse.GetValue(paths) ?? [];

            bool showProgress = ReferenceEquals(stderr, Console.Error)
                                && TerminalPolicy.ShowProgress(Console.IsErrorRedirected, Environment.GetEnvironmentVariable, level);
            var progress = showProgress ? new ScanProgress() : null;
            var request = new ScanRequest
            {
                Inputs = ScanInput.FromPaths(inputs),
                ConfigFiles = parse.GetValue(configs) ?? [],
                DiscoverConfigFrom = parse.GetValue(noGlobalConfig) ? null : Directory.GetCurrentDirectory(),
                TargetJdk = parse.GetValue(targetJdk) is { } jdk ? ParseJdk(jdk) : null,
                SourceRoots = parse.GetValue(sourceRoots) is { Length: > 0 } roots ? roots : null,
                BaselinePath = parse.GetValue(baseline),
                WriteBaselinePath = parse.GetValue(writeBaseline),
                Transformed = parse.GetValue(transformed) is { } dumps ? ScanInput.FromPath(dumps) : null,
                Parallelism = parse.GetValue(parallelism),
                Progress = progress,
            };
            ScanReport report;
            try
            {
                using var display = progress is null ? null : new ProgressDisplay(progress, stderr, inputs.Length);
                report = ScanPipeline.Run(request);
            }
            catch (ScanSetupException e)
            {
                throw new UserErrorException(e.Message);
            }
            WriteNotes(report, level, stderr);
            if (level == Verbosity.Detailed) WriteTimings(report, stderr);
            foreach (var target in targets)
            {
                IScanFormatter formatter = target.Format switch
                {
                    "json" => new JsonFormatter(),
                    "msbuild" => new MsBuildFormatter(),
                    "sarif" => new SarifFormatter(parse.GetValue(sarifBase) ?? Directory.GetCurrentDirectory()),
                    _ => new TextFormatter(),
                };
                bool color = target.Format == "text" && target.Path is null && ReferenceEquals(stdout, Console.Out)
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
            if (targets.Any(t => t.Format == "sarif") && report.Result.Diagnostics.Count > GitHubMaxResultsPerRun && level != Verbosity.Quiet)
                stderr.WriteLine($"warning: the SARIF report has {report.Result.Diagnostics.Count:N0} results; GitHub code scanning rejects more than {GitHubMaxResultsPerRun:N0} per run (narrow it with bytecodelint.include/exclude or a baseline)");
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
            if (note.Detailed && level != Verbosity.Detailed) continue;
            stderr.WriteLine(note.IsWarning ? "warning: " + note.Text : note.Text);
        }
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

    internal static JdkTarget ParseJdk(string? text)
    {
        try
        {
            return JdkTarget.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserErrorException("--target-jdk: " + e.Message);
        }
    }

    /// <summary>1 when an unsuppressed finding is at or above the --fail-on severity, else 0.</summary>
    internal static int ExitCodeFor(ScanReport report, string failOn)
    {
        if (failOn == "never") return ExitCodes.Success;
        SeverityNames.TryParse(failOn, out var threshold);
        return report.Active.Any(d => d.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }
}
