using System.CommandLine;
using BytecodeLint.Metaspace.Analysis;
using BytecodeLint.Metaspace.ClassNames;
using BytecodeLint.Metaspace.Model;
using BytecodeLint.Metaspace.Reading;

namespace BytecodeLint.Cli.Commands.Metaspace;

/// <summary>
/// <c>bytecodelint metaspace LOG... [-f text|json[=FILE]] [-o FILE] [--plot FILE.svg] [--max-metaspace SIZE]
/// [--classes PATH]... [--fail-on-leak]</c>: is Metaspace leaking, how fast, when does it run out,
/// and which class and rule explain it (docs/metaspace.md).
/// </summary>
internal static class MetaspaceCommand
{
    private static readonly string[] Formats = ["text", "json"];

    public static Command Create()
    {
        var logs = new Argument<string[]>("logs")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "GC logs (JDK 8 PrintGCDetails or JDK 9+ -Xlog), -Xlog:redefine+class+constantpool logs, jcmd VM.metaspace output; plain or gzip.",
        };
        var format = CommonOptions.Format(Formats);
        var output = CommonOptions.Output();
        var plot = new Option<string?>("--plot") { Description = "Write an SVG plot of Metaspace over time or retransforms to this file.", HelpName = "FILE.svg" };
        var maxMetaspace = new Option<string?>("--max-metaspace")
        {
            Description = "MaxMetaspaceSize when the log does not print it, e.g. 128m, 1g, 256MB (overrides the log).",
            HelpName = "SIZE",
        };
        var classes = new Option<string[]>("--classes")
        {
            Description = "Class files, class folders or jars; names redefined classes the log leaves unnamed, matched by initial constant-pool length.",
            HelpName = "PATH",
        };
        var failOnLeak = new Option<bool>("--fail-on-leak") { Description = "Exit with 1 when the verdict is a leak." };
        var command = new Command("metaspace", "Diagnose Metaspace growth from GC, redefinition and VM.metaspace logs: leak or not, growth law, time to MaxMetaspaceSize, the class and rule behind it.")
        {
            logs, format, output, plot, maxMetaspace, classes, failOnLeak,
        };
        command.SetAction(parse =>
        {
            var targets = ReportTargets.Resolve(parse.GetValue(format) ?? [], parse.GetValue(output), Formats);
            var paths = parse.GetValue(logs) ?? [];
            var options = new MetaspaceAnalysisOptions
            {
                MaxMetaspaceBytes = ParseSize(parse.GetValue(maxMetaspace)),
                ClassNames = LoadClasses(parse.GetValue(classes) ?? []),
                RuleIdOf = HazardRules.IdOf,
            };
            var log = ReadLogs(paths);
            var diagnosis = MetaspaceAnalyzer.Analyze(log, options);
            var plotPath = parse.GetValue(plot);
            if (plotPath != null)
                WritePlot(plotPath, diagnosis);
            ReportTargets.WriteAll(targets, parse.InvocationConfiguration.Output, (kind, writer) =>
            {
                if (kind == "json") MetaspaceJsonReport.Write(writer, diagnosis);
                else MetaspaceTextWriter.Write(writer, diagnosis, plotPath);
            });
            return parse.GetValue(failOnLeak) && diagnosis.Verdict == LeakVerdict.Leak ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    private static MetaspaceLog ReadLogs(IEnumerable<string> paths)
    {
        var log = new MetaspaceLog();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                throw new UserErrorException($"{path}: is a folder; give the log files");
            if (!File.Exists(path))
                throw new UserErrorException($"{path}: log file not found");
            try
            {
                using var text = LogFile.OpenText(path);
                MetaspaceLogReader.Read(text, path, log);
            }
            catch (InvalidDataException e)
            {
                // A damaged gzip stream: what was read before the damage is lost with the stream, so say where.
                throw new UserErrorException($"{path}: unreadable compressed data ({e.Message})");
            }
            catch (IOException e)
            {
                throw new UserErrorException($"{path}: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UserErrorException($"{path}: {e.Message}");
            }
        }
        return log;
    }

    private static IClassPoolIndex? LoadClasses(string[] paths)
    {
        if (paths.Length == 0)
            return null;
        try
        {
            return ClassFilePoolIndex.FromPaths(paths);
        }
        catch (FileNotFoundException e)
        {
            throw new UserErrorException(e.Message);
        }
        catch (InvalidDataException e)
        {
            throw new UserErrorException($"--classes: not a readable jar ({e.Message})");
        }
    }

    private static long? ParseSize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = SizeText.TryParse(text.Trim());
        if (value is not > 0)
            throw new UserErrorException($"--max-metaspace: '{text}' is not a size (examples: 128m, 1g, 268435456)");
        return value;
    }

    private static void WritePlot(string path, MetaspaceDiagnosis diagnosis)
    {
        try
        {
            File.WriteAllText(path, MetaspaceSvgPlot.Render(diagnosis));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"--plot {path}: {e.Message}");
        }
    }
}
