using System.CommandLine;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Cli.Output;

namespace BytecodeLint.Cli.Commands;

/// <summary><c>bytecodelint scan PATH...</c>: runs every enabled rule and reports findings.</summary>
internal static class ScanCommand
{
    private static readonly string[] Formats = ["text", "msbuild", "json"];
    private static readonly string[] FailOnValues = ["error", "warning", "note", "never"];

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Jars (.jar .war .ear .zip .jmod), class folders or .class files." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, msbuild or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var targetJdk = new Option<string?>("--target-jdk") { Description = "JDK the code runs on (e.g. 17, 21.0.4, 25). Default: any supported JDK." };
        var sourceRoots = new Option<string[]>("--source-root") { Description = "Folder of Java sources by package (repeatable); maps findings to source files.", AllowMultipleArgumentsPerToken = false };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a finding has at least this severity: error, warning, note or never.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong(FailOnValues);
        var parallelism = new Option<int>("--parallelism") { Description = "Threads used to analyse classes (default: processor count). Output does not depend on it.", DefaultValueFactory = _ => 0 };

        var command = new Command("scan", "Find bytecode that leaks or explodes Metaspace when retransformed.")
        {
            paths, format, output, targetJdk, sourceRoots, failOn, parallelism,
        };
        command.SetAction(parse =>
        {
            var options = new AnalyzerOptions
            {
                TargetJdk = ParseJdk(parse.GetValue(targetJdk)),
                SourceRoots = parse.GetValue(sourceRoots) ?? [],
            };
            var inputs = parse.GetValue(paths) ?? [];
            var engine = new ScanEngine(RuleRegistry.CreateAnalyzers(), options, maxDegreeOfParallelism: parse.GetValue(parallelism));
            ScanResult result;
            try
            {
                result = engine.Scan(inputs);
            }
            catch (InputException e)
            {
                throw new UserErrorException(e.Message);
            }
            var report = new ScanReport(result, options.TargetJdk);
            IScanFormatter formatter = parse.GetValue(format) switch
            {
                "json" => new JsonFormatter(),
                "msbuild" => new MsBuildFormatter(),
                _ => new TextFormatter(),
            };
            OutputFile.Write(parse.GetValue(output), parse.InvocationConfiguration.Output, writer => formatter.Write(report, writer));
            return ExitCodeFor(report, parse.GetValue(failOn) ?? "error");
        });
        return command;
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
