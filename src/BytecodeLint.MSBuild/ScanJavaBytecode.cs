using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BytecodeLint.MSBuild;

/// <summary>
/// Lints jars and class folders by running the packaged <c>bytecodelint</c> CLI out of process and
/// logging each finding with code, help link, file and line, so that the console, the binary log and
/// the IDE error list show it. Findings are cached under <see cref="CacheDirectory"/> by a content
/// hash of everything that affects them: the target runs on every build (a skipped target would
/// lose its warnings) and a no-op build just re-logs the cached report.
/// </summary>
public sealed class ScanJavaBytecode : Task, ICancelableTask
{
    /// <summary>Bumped when the cache layout changes, so old entries are never misread.</summary>
    private const string CacheFormat = "1";

    private readonly CliRunner _runner = new CliRunner();

    /// <summary>The "error: …" lines of the last CLI run that exited with code 2 but wrote a report.</summary>
    private readonly List<string> _partialRunErrors = new List<string>();

    /// <summary>Jars and class folders. Metadata: <c>TargetJdk</c>, <c>SourceRoot</c> (;-list), <c>NoWarn</c>.</summary>
    public ITaskItem[] Inputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Full path of the portable CLI's <c>bytecodelint.dll</c>.</summary>
    [Required]
    public string CliAssembly { get; set; } = "";

    /// <summary>Folder of native CLI builds, one subfolder per runtime identifier (<c>linux-x64/bytecodelint</c>).</summary>
    public string? NativeCliDirectory { get; set; }

    /// <summary>False always runs the portable CLI.</summary>
    public bool UseNativeCli { get; set; } = true;

    /// <summary>The project being built: task errors that concern no single input point at it.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Base of the SARIF runs' <c>automationDetails.id</c> (GitHub code scanning category).</summary>
    public string? SarifCategory { get; set; }

    /// <summary>The dotnet host that runs the CLI; empty means <c>dotnet</c> on the PATH.</summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>Folder for cached reports (under obj/).</summary>
    [Required]
    public string CacheDirectory { get; set; } = "";

    /// <summary>Base for relative paths and the CLI's working directory (the project folder).</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>JDK the code runs on, e.g. <c>17</c> or <c>21.0.4</c>; empty means any supported JDK.</summary>
    public string? TargetJdk { get; set; }

    /// <summary>Folders of Java sources by package; findings in mapped classes are logged against the source file.</summary>
    public ITaskItem[] SourceRoots { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Global config files (Roslyn syntax) with <c>dotnet_diagnostic.BLxxxx.severity</c> entries.</summary>
    public ITaskItem[] ConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>SARIF 2.1.0 file to write; empty for none.</summary>
    public string? ErrorLog { get; set; }

    /// <summary>Baseline file (<c>bytecodelint scan --baseline</c>): findings listed in it are logged as suppressed.</summary>
    public string? Baseline { get; set; }

    /// <summary>Folder that SARIF paths are relative to (the repository root); empty means the project folder.</summary>
    public string? SarifBase { get; set; }

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Number of findings logged as warnings.</summary>
    [Output]
    public int WarningCount { get; private set; }

    /// <summary>Number of findings logged as errors.</summary>
    [Output]
    public int ErrorCount { get; private set; }

    /// <summary>Number of findings suppressed in the bytecode, by configuration or by the baseline.</summary>
    [Output]
    public int SuppressedCount { get; private set; }

    /// <summary>True when every report came from the cache (no CLI process started).</summary>
    [Output]
    public bool FromCache { get; private set; }

    public void Cancel() => _runner.Cancel();

    public override bool Execute()
    {
        var stopwatch = Stopwatch.StartNew();
        var baseDirectory = string.IsNullOrEmpty(ProjectDirectory) ? Directory.GetCurrentDirectory() : ProjectDirectory!;
        if (Inputs.Length == 0)
        {
            Log.LogMessage(MessageImportance.Low, "BytecodeLint: no inputs.");
            return true;
        }
        if (!File.Exists(CliAssembly))
        {
            LogTaskError(TaskCodes.CliMissing, ProjectFile, "BytecodeLint: the CLI '{0}' does not exist; the BytecodeLint package looks incomplete.", CliAssembly);
            return false;
        }
        var host = string.IsNullOrEmpty(DotNetHostPath) ? "dotnet" : DotNetHostPath!;
        var cli = CliLocator.Select(CliAssembly, NativeCliDirectory, CliLocator.HostRuntimeIdentifier(), UseNativeCli, host);
        Log.LogMessage(MessageImportance.Normal, "{0}", cli.Description);

        // A missing input is reported at its item; the others are still linted.
        var present = new List<ITaskItem>();
        foreach (var item in Inputs)
        {
            var path = InputGroup.FullPath(baseDirectory, item.ItemSpec);
            if (File.Exists(path) || Directory.Exists(path))
            {
                present.Add(item);
                continue;
            }
            LogTaskError(TaskCodes.InputMissing, path,
                "BytecodeLint: the input '{0}' does not exist (a BytecodeLintInput item names a missing jar or class folder).", item.ItemSpec);
        }

        var policy = new WarningPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        var groups = InputGroup.Create(present, baseDirectory, TargetJdk, SourceRoots.Select(r => r.ItemSpec));
        var configFiles = ConfigFiles.Select(c => InputGroup.FullPath(baseDirectory, c.ItemSpec)).Where(File.Exists).Distinct(InputGroup.PathComparer).ToList();
        var errorLog = string.IsNullOrWhiteSpace(ErrorLog) ? null : InputGroup.FullPath(baseDirectory, ErrorLog!);
        var baseline = string.IsNullOrWhiteSpace(Baseline) ? null : InputGroup.FullPath(baseDirectory, Baseline!);
        var sarifBase = string.IsNullOrWhiteSpace(SarifBase) ? null : InputGroup.FullPath(baseDirectory, SarifBase!);

        Directory.CreateDirectory(CacheDirectory);
        var usedCacheFiles = new HashSet<string>(InputGroup.PathComparer);
        var sarifParts = new List<string>();
        var fromCache = true;
        var findingCount = 0;
        var unreadable = 0;
        foreach (var group in groups)
        {
            var arguments = ScanArguments(group, configFiles, baseline, errorLog != null ? sarifBase : null);
            var key = CacheKey(group, arguments, configFiles, baseline, errorLog != null, cli);
            var reportPath = Path.Combine(CacheDirectory, key + ".json");
            var cachedSarif = Path.Combine(CacheDirectory, key + ".sarif");
            usedCacheFiles.Add(reportPath);
            usedCacheFiles.Add(cachedSarif);

            _partialRunErrors.Clear();
            if (!File.Exists(reportPath) || (errorLog != null && !File.Exists(cachedSarif)))
            {
                fromCache = false;
                if (!RunCli(cli, arguments, reportPath, errorLog != null ? cachedSarif : null, baseDirectory)) continue;
            }
            if (errorLog != null)
            {
                if (File.Exists(cachedSarif)) sarifParts.Add(cachedSarif);
                else LogTaskError(TaskCodes.SarifNotWritten, errorLog, "BytecodeLint: the CLI wrote no SARIF log for {0}.", string.Join(", ", group.Inputs.Select(i => i.FullPath)));
            }

            ScanReportData report;
            try
            {
                report = ScanReportReader.Read(File.ReadAllText(reportPath));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                TryDelete(reportPath);
                LogTaskError(TaskCodes.ReportUnreadable, ProjectFile, "BytecodeLint: cannot read the report '{0}': {1}", reportPath, e.Message);
                continue;
            }
            // A CLI whose JSON report has no inputErrors array still names each unreadable input on
            // standard error ("error: PATH: message") when it exits with code 2.
            if (report.InputErrors.Count == 0) report.InputErrors.AddRange(InputErrorsFromStandardError(group));
            foreach (var error in report.InputErrors)
            {
                unreadable++;
                var input = group.Inputs.FirstOrDefault(i => InputGroup.PathComparer.Equals(i.FullPath, error.Path));
                LogTaskError(TaskCodes.InputUnreadable, input?.FullPath ?? (error.Path.Length > 0 ? error.Path : ProjectFile),
                    "BytecodeLint: the input cannot be read: {0}", StripSeverityPrefix(error.Message));
            }
            // Input errors are not cached: the next build must try the input again (permissions, a file being written).
            if (report.InputErrors.Count > 0)
            {
                TryDelete(reportPath);
                fromCache = false;
            }
            findingCount += report.Findings.Count;
            foreach (var finding in report.Findings) LogFinding(finding, group, policy);
        }
        DeleteStaleCacheFiles(usedCacheFiles);
        if (errorLog != null && sarifParts.Count > 0) WriteSarif(sarifParts, errorLog);

        FromCache = fromCache;
        // One high-importance line per project, so even a quiet build says that the jars were checked.
        Log.LogMessage(MessageImportance.High,
            "BytecodeLint: {0} input(s), {1} finding(s): {2} error(s), {3} warning(s), {4} suppressed{5}{6} in {7:0.00} s.",
            Inputs.Length, findingCount, ErrorCount, WarningCount, SuppressedCount,
            unreadable + (Inputs.Length - present.Count) > 0 ? "; " + (unreadable + Inputs.Length - present.Count).ToString(CultureInfo.InvariantCulture) + " input(s) not read" : "",
            fromCache ? ", from the cache," : "", stopwatch.Elapsed.TotalSeconds);
        return !Log.HasLoggedErrors;
    }

    /// <summary>Everything after <c>bytecodelint.dll</c> except the output files, which depend on the cache key.</summary>
    private static List<string> ScanArguments(InputGroup group, IReadOnlyList<string> configFiles, string? baseline, string? sarifBase)
    {
        var arguments = new List<string> { "scan" };
        arguments.AddRange(group.Inputs.Select(i => i.FullPath));
        if (group.TargetJdk != null)
        {
            arguments.Add("--target-jdk");
            arguments.Add(group.TargetJdk);
        }
        foreach (var root in group.SourceRoots)
        {
            arguments.Add("--source-root");
            arguments.Add(root);
        }
        // The task finds the config files itself (GlobalAnalyzerConfigFiles, .globalconfig above the
        // project, BytecodeLintDiscoverGlobalConfig) and hashes them for the cache, so the CLI must not search.
        arguments.Add("--no-global-config");
        foreach (var config in configFiles)
        {
            arguments.Add("--config");
            arguments.Add(config);
        }
        if (baseline != null)
        {
            arguments.Add("--baseline");
            arguments.Add(baseline);
        }
        if (sarifBase != null)
        {
            arguments.Add("--sarif-base");
            arguments.Add(sarifBase);
        }
        // Standard error carries only what the task should log, never progress.
        arguments.Add("--verbosity");
        arguments.Add("normal");
        // The task decides what fails the build; the CLI only reports.
        arguments.Add("--fail-on");
        arguments.Add("never");
        return arguments;
    }

    private string CacheKey(InputGroup group, IReadOnlyList<string> arguments, IReadOnlyList<string> configFiles, string? baseline, bool sarif, CliCommand cli)
    {
        using var hash = new ContentHash();
        hash.AddString("format", CacheFormat);
        // The portable assemblies identify the package build; native and portable builds of it report the same,
        // but a user switching BytecodeLintUseNativeCli to compare them must get a fresh run.
        hash.AddString("cli", cli.IsNative ? "native" : "portable");
        hash.AddString("arguments", string.Join("\n", arguments));
        hash.AddString("sarif", sarif ? "yes" : "no");
        foreach (var tool in ContentHash.ToolFiles(CliAssembly)) hash.AddPathContents("tool " + Path.GetFileName(tool), tool);
        foreach (var input in group.Inputs) hash.AddPathContents("input " + input.FullPath, input.FullPath);
        foreach (var config in configFiles) hash.AddPathContents("config " + config, config);
        if (baseline != null) hash.AddPathContents("baseline " + baseline, baseline);
        foreach (var root in group.SourceRoots) hash.AddFileNames("source root " + root, root);
        return hash.Finish();
    }

    /// <summary>
    /// Runs the CLI into temporary files and moves them into the cache when it produced a report: on
    /// success, and on exit code 2 with input errors in the report (the other inputs were still scanned).
    /// </summary>
    private bool RunCli(CliCommand cli, List<string> scanArguments, string reportPath, string? sarifPath, string workingDirectory)
    {
        var temporaryReport = reportPath + ".tmp";
        var temporarySarif = sarifPath == null ? null : sarifPath + ".tmp";
        TryDelete(temporaryReport);
        var arguments = new List<string>(cli.PrefixArguments);
        arguments.AddRange(scanArguments);
        if (temporarySarif != null)
        {
            // One run writes both reports (--format FORMAT=FILE, repeatable).
            arguments.AddRange(new[] { "--format", "json=" + temporaryReport, "--format", "sarif=" + temporarySarif });
        }
        else
        {
            arguments.AddRange(new[] { "--format", "json", "--output", temporaryReport });
        }
        Log.LogMessage(MessageImportance.Low, "BytecodeLint: {0} {1}", cli.FileName, CliRunner.JoinArguments(arguments));
        if (!RunOnce(cli, arguments, workingDirectory, temporaryReport, out var exitCode)) return false;
        if (!File.Exists(temporaryReport))
        {
            LogTaskError(TaskCodes.ReportUnreadable, ProjectFile, "BytecodeLint: the CLI exited with code {0} but wrote no report to '{1}'.", exitCode, temporaryReport);
            return false;
        }
        ReplaceFile(temporaryReport, reportPath);
        if (temporarySarif != null && sarifPath != null && File.Exists(temporarySarif)) ReplaceFile(temporarySarif, sarifPath);
        return true;
    }

    private bool RunOnce(CliCommand cli, List<string> arguments, string workingDirectory, string reportPath, out int exitCode)
    {
        string standardError;
        exitCode = -1;
        var yielded = BuildEngine is IBuildEngine3;
        // Let other projects build while the CLI runs; no logging until Reacquire.
        if (yielded) ((IBuildEngine3)BuildEngine).Yield();
        try
        {
            exitCode = StartCli(cli, arguments, workingDirectory, out standardError);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            if (yielded) ((IBuildEngine3)BuildEngine).Reacquire();
            LogTaskError(TaskCodes.CliNotStarted, ProjectFile, "BytecodeLint: cannot start '{0}': {1} ({2}).", cli.FileName, e.Message,
                cli.IsNative ? "set BytecodeLintUseNativeCli=false to run the portable CLI" : "set BytecodeLintDotNetHostPath to the dotnet executable");
            return false;
        }
        if (yielded) ((IBuildEngine3)BuildEngine).Reacquire();
        if (_runner.IsCancelled)
        {
            Log.LogMessage(MessageImportance.High, "BytecodeLint: cancelled.");
            return false;
        }
        var lines = standardError.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
        // Exit code 2 with a report: some top-level inputs could not be read (the report's inputErrors,
        // logged per input by the caller); the others were scanned. Without a report it is a usage or
        // configuration error, and the CLI's message says which.
        var partial = exitCode == 2 && File.Exists(reportPath);
        if (exitCode != 0 && !partial)
        {
            LogTaskError(TaskCodes.CliFailed, ProjectFile, "BytecodeLint: the CLI failed with exit code {0}: {1}", exitCode,
                lines.Length > 0 ? string.Join(" ", lines.Select(StripSeverityPrefix)) : "(no message)");
            return false;
        }
        // The CLI reports problems that do not stop it (e.g. an unknown config key) as "warning: ..." lines.
        foreach (var line in lines)
        {
            if (partial && line.StartsWith("error: ", StringComparison.Ordinal))
            {
                _partialRunErrors.Add(StripSeverityPrefix(line));
            }
            else if (line.StartsWith("warning: ", StringComparison.Ordinal))
            {
                Log.LogWarning(null, TaskCodes.CliWarning, null, TaskCodes.HelpLink, ProjectFile, 0, 0, 0, 0, "BytecodeLint: {0}", StripSeverityPrefix(line));
            }
            else
            {
                Log.LogMessage(MessageImportance.Low, "BytecodeLint: {0}", line);
            }
        }
        return true;
    }

    /// <summary>
    /// Runs the CLI. NuGet does not keep the executable bit of files it extracts, so a native CLI that
    /// cannot be started for lack of it is made executable once and started again.
    /// </summary>
    private int StartCli(CliCommand cli, List<string> arguments, string workingDirectory, out string standardError)
    {
        try
        {
            return _runner.Run(cli.FileName, arguments, workingDirectory, out standardError);
        }
        catch (System.ComponentModel.Win32Exception) when (cli.IsNative && Path.DirectorySeparatorChar == '/')
        {
            _runner.Run("chmod", new[] { "+x", cli.FileName }, workingDirectory, out _);
            return _runner.Run(cli.FileName, arguments, workingDirectory, out standardError);
        }
    }

    /// <summary>Input errors of the last run read from its standard error: the line's path is one of the group's inputs; any other line is still an error, at the project.</summary>
    private IEnumerable<InputError> InputErrorsFromStandardError(InputGroup group)
    {
        foreach (var line in _partialRunErrors)
        {
            var input = group.Inputs.FirstOrDefault(i => line.StartsWith(i.FullPath + ": ", StringComparison.Ordinal));
            yield return input != null
                ? new InputError(input.FullPath, line.Substring(input.FullPath.Length + 2))
                : new InputError("", line);
        }
    }

    /// <summary>The CLI prefixes its messages with "error: "; MSBuild adds its own, so "error: error:" would follow.</summary>
    private static string StripSeverityPrefix(string line)
    {
        foreach (var prefix in new[] { "error: ", "warning: " })
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line.Substring(prefix.Length);
        }
        return line;
    }

    private void LogTaskError(string code, string? file, string format, params object?[] arguments) =>
        Log.LogError(null, code, null, TaskCodes.HelpLink, file, 0, 0, 0, 0, format, arguments);

    private void LogFinding(Finding finding, InputGroup group, WarningPolicy policy)
    {
        var input = group.Inputs.FirstOrDefault(i => InputGroup.PathComparer.Equals(i.FullPath, finding.Artifact));
        var action = finding.Suppressed ? LogAction.Message : policy.Decide(finding.Id, finding.Severity, input?.NoWarn);
        if (finding.Suppressed) SuppressedCount++;

        // With a mapped source file the error list can open the Java line; otherwise point at the jar
        // and say which class inside it, since a line number in a jar means nothing to an editor.
        string file;
        int line = 0, column = 0;
        var message = finding.Message;
        if (finding.SourcePath != null)
        {
            file = finding.SourcePath;
            if (finding.Line is int l && l > 0)
            {
                line = l;
                column = 1;
            }
        }
        else
        {
            file = finding.Artifact;
            message += " [" + finding.Entry + (finding.Line is int l && l > 0 ? ", line " + l.ToString(CultureInfo.InvariantCulture) : "") + "]";
        }

        switch (action)
        {
            case LogAction.Error:
                ErrorCount++;
                Log.LogError(null, finding.Id, finding.Id, finding.HelpLink, file, line, column, 0, 0, "{0}", message);
                break;
            case LogAction.Warning:
                WarningCount++;
                Log.LogWarning(null, finding.Id, finding.Id, finding.HelpLink, file, line, column, 0, 0, "{0}", message);
                break;
            case LogAction.Suggestion:
                Log.LogMessage(null, finding.Id, finding.Id, file, line, column, 0, 0, MessageImportance.High, "{0}", message);
                break;
            default:
                Log.LogMessage(null, finding.Id, finding.Id, file, line, column, 0, 0, MessageImportance.Low,
                    "{0}", (finding.Suppressed ? "suppressed: " : "not reported: ") + message);
                break;
        }
    }

    /// <summary>
    /// Writes the SARIF log: the one CLI run's log as it is, or the runs of several CLI runs (inputs with
    /// different TargetJdk/SourceRoot metadata) joined into one file, each with its own automationDetails.id.
    /// </summary>
    private void WriteSarif(List<string> parts, string destination)
    {
        try
        {
            var documents = parts.Select(File.ReadAllText).ToList();
            var project = string.IsNullOrEmpty(ProjectFile) ? "project" : Path.GetFileNameWithoutExtension(ProjectFile);
            var ids = documents.Select((_, i) => SarifRuns.AutomationId(SarifCategory, project, i, documents.Count)).ToList();
            var text = documents.Count == 1 && ids[0] == null ? documents[0] : SarifRuns.Merge(documents, ids);
            var folder = Path.GetDirectoryName(destination);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.WriteAllText(destination, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            LogTaskError(TaskCodes.SarifNotWritten, destination, "BytecodeLint: cannot write the SARIF log (BytecodeLintErrorLog): {0}", e.Message);
        }
    }

    private void DeleteStaleCacheFiles(HashSet<string> used)
    {
        foreach (var file in Directory.EnumerateFiles(CacheDirectory))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length == 64 && !used.Contains(file)) TryDelete(file);
        }
    }

    private static void ReplaceFile(string source, string destination)
    {
        TryDelete(destination);
        File.Move(source, destination);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another build holds it; the next build cleans up.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
