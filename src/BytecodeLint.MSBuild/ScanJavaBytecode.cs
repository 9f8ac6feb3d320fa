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

    /// <summary>Jars and class folders. Metadata: <c>TargetJdk</c>, <c>SourceRoot</c> (;-list), <c>NoWarn</c>.</summary>
    public ITaskItem[] Inputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Full path of the CLI's <c>bytecodelint.dll</c>.</summary>
    [Required]
    public string CliAssembly { get; set; } = "";

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
            Log.LogError("BytecodeLint: the CLI '{0}' does not exist; the BytecodeLint package looks incomplete.", CliAssembly);
            return false;
        }
        var missing = Inputs.Where(i => !File.Exists(InputGroup.FullPath(baseDirectory, i.ItemSpec)) && !Directory.Exists(InputGroup.FullPath(baseDirectory, i.ItemSpec))).ToList();
        foreach (var item in missing)
        {
            Log.LogError(null, null, null, InputGroup.FullPath(baseDirectory, item.ItemSpec), 0, 0, 0, 0,
                "BytecodeLint: the input '{0}' does not exist (a BytecodeLintInput item names a missing jar or class folder).", item.ItemSpec);
        }
        if (missing.Count > 0) return false;

        var policy = new WarningPolicy(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
        var groups = InputGroup.Create(Inputs, baseDirectory, TargetJdk, SourceRoots.Select(r => r.ItemSpec));
        var configFiles = ConfigFiles.Select(c => InputGroup.FullPath(baseDirectory, c.ItemSpec)).Where(File.Exists).Distinct(InputGroup.PathComparer).ToList();
        var errorLog = string.IsNullOrWhiteSpace(ErrorLog) ? null : InputGroup.FullPath(baseDirectory, ErrorLog!);
        var baseline = string.IsNullOrWhiteSpace(Baseline) ? null : InputGroup.FullPath(baseDirectory, Baseline!);
        var sarifBase = string.IsNullOrWhiteSpace(SarifBase) ? null : InputGroup.FullPath(baseDirectory, SarifBase!);

        Directory.CreateDirectory(CacheDirectory);
        var usedCacheFiles = new HashSet<string>(InputGroup.PathComparer);
        var fromCache = true;
        var findingCount = 0;
        for (var index = 0; index < groups.Count; index++)
        {
            var group = groups[index];
            var sarifPath = errorLog == null ? null : SarifPathFor(errorLog, index);
            var arguments = ScanArguments(group, configFiles, baseline, sarifPath != null ? sarifBase : null);
            var key = CacheKey(group, arguments, configFiles, baseline, sarifPath != null);
            var reportPath = Path.Combine(CacheDirectory, key + ".json");
            var cachedSarif = Path.Combine(CacheDirectory, key + ".sarif");
            usedCacheFiles.Add(reportPath);
            usedCacheFiles.Add(cachedSarif);

            if (!File.Exists(reportPath) || (sarifPath != null && !File.Exists(cachedSarif)))
            {
                fromCache = false;
                if (!RunCli(arguments, reportPath, sarifPath != null ? cachedSarif : null, baseDirectory)) return false;
            }
            if (sarifPath != null && !CopySarif(cachedSarif, sarifPath)) return false;

            List<Finding> findings;
            try
            {
                findings = ScanReportReader.Read(File.ReadAllText(reportPath));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                TryDelete(reportPath);
                Log.LogError("BytecodeLint: cannot read the report '{0}': {1}", reportPath, e.Message);
                return false;
            }
            findingCount += findings.Count;
            foreach (var finding in findings) LogFinding(finding, group, policy);
        }
        DeleteStaleCacheFiles(usedCacheFiles);

        FromCache = fromCache;
        // One high-importance line per project, so even a quiet build says that the jars were checked.
        Log.LogMessage(MessageImportance.High,
            "BytecodeLint: {0} input(s), {1} finding(s): {2} error(s), {3} warning(s){4} in {5:0.00} s.",
            groups.Sum(g => g.Inputs.Count), findingCount, ErrorCount, WarningCount, fromCache ? ", from the cache," : "",
            stopwatch.Elapsed.TotalSeconds);
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

    private string CacheKey(InputGroup group, IReadOnlyList<string> arguments, IReadOnlyList<string> configFiles, string? baseline, bool sarif)
    {
        using var hash = new ContentHash();
        hash.AddString("format", CacheFormat);
        hash.AddString("arguments", string.Join("\n", arguments));
        hash.AddString("sarif", sarif ? "yes" : "no");
        foreach (var tool in ContentHash.ToolFiles(CliAssembly)) hash.AddPathContents("tool " + Path.GetFileName(tool), tool);
        foreach (var input in group.Inputs) hash.AddPathContents("input " + input.FullPath, input.FullPath);
        foreach (var config in configFiles) hash.AddPathContents("config " + config, config);
        if (baseline != null) hash.AddPathContents("baseline " + baseline, baseline);
        foreach (var root in group.SourceRoots) hash.AddFileNames("source root " + root, root);
        return hash.Finish();
    }

    /// <summary>Runs the CLI into temporary files and moves them into the cache only on success.</summary>
    private bool RunCli(List<string> scanArguments, string reportPath, string? sarifPath, string workingDirectory)
    {
        var temporaryReport = reportPath + ".tmp";
        var temporarySarif = sarifPath == null ? null : sarifPath + ".tmp";
        var arguments = new List<string> { CliAssembly };
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
        var host = string.IsNullOrEmpty(DotNetHostPath) ? "dotnet" : DotNetHostPath!;
        Log.LogMessage(MessageImportance.Low, "BytecodeLint: {0} {1}", host, CliRunner.JoinArguments(arguments));
        if (!RunOnce(host, arguments, workingDirectory)) return false;
        if (!File.Exists(temporaryReport))
        {
            Log.LogError("BytecodeLint: the CLI exited normally but wrote no report to '{0}'.", temporaryReport);
            return false;
        }
        ReplaceFile(temporaryReport, reportPath);
        if (temporarySarif != null && sarifPath != null) ReplaceFile(temporarySarif, sarifPath);
        return true;
    }

    private bool RunOnce(string host, List<string> arguments, string workingDirectory)
    {
        int exitCode;
        string standardError;
        var yielded = BuildEngine is IBuildEngine3;
        // Let other projects build while the CLI runs; no logging until Reacquire.
        if (yielded) ((IBuildEngine3)BuildEngine).Yield();
        try
        {
            exitCode = _runner.Run(host, arguments, workingDirectory, out standardError);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            if (yielded) ((IBuildEngine3)BuildEngine).Reacquire();
            Log.LogError("BytecodeLint: cannot start '{0}': {1} (set BytecodeLintDotNetHostPath to the dotnet executable).", host, e.Message);
            return false;
        }
        if (yielded) ((IBuildEngine3)BuildEngine).Reacquire();
        if (_runner.IsCancelled)
        {
            Log.LogMessage(MessageImportance.High, "BytecodeLint: cancelled.");
            return false;
        }
        if (exitCode != 0)
        {
            // Exit code 2 is a usage, configuration or unreadable-input error; the CLI's message says which.
            Log.LogError("BytecodeLint: the CLI failed with exit code {0}: {1}", exitCode,
                standardError.Length > 0 ? standardError.Replace(Environment.NewLine, " ") : "(no message)");
            return false;
        }
        // The CLI reports problems that do not stop it (e.g. an unknown config key) as "warning: ..." lines.
        foreach (var line in standardError.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("warning: ", StringComparison.Ordinal)) Log.LogWarning("BytecodeLint: {0}", line.Substring("warning: ".Length));
            else Log.LogMessage(MessageImportance.Low, "BytecodeLint: {0}", line);
        }
        return true;
    }

    private void LogFinding(Finding finding, InputGroup group, WarningPolicy policy)
    {
        var input = group.Inputs.FirstOrDefault(i => InputGroup.PathComparer.Equals(i.FullPath, finding.Artifact));
        var action = finding.Suppressed ? LogAction.Message : policy.Decide(finding.Id, finding.Severity, input?.NoWarn);

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

    /// <summary>The first group writes the SARIF file itself; further groups (other TargetJdk/SourceRoot metadata) get numbered siblings.</summary>
    private static string SarifPathFor(string errorLog, int index)
    {
        if (index == 0) return errorLog;
        var folder = Path.GetDirectoryName(errorLog) ?? "";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(errorLog) + "." + index.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(errorLog));
    }

    private bool CopySarif(string cached, string destination)
    {
        try
        {
            var folder = Path.GetDirectoryName(destination);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.Copy(cached, destination, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, null, null, destination, 0, 0, 0, 0, "BytecodeLint: cannot write the SARIF log (BytecodeLintErrorLog): {0}", e.Message);
            return false;
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
