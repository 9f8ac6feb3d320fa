using System.Collections;
using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace BytecodeLint.MSBuild.Tests;

/// <summary>
/// The task in process against a fake native CLI (a shell script in the native CLI folder) that answers
/// like `bytecodelint scan` does when some inputs cannot be read: a JSON report with inputErrors, exit 2.
/// </summary>
public sealed class FakeCliTaskTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bytecodelint-fakecli-" + Guid.NewGuid().ToString("N")[..8]);

    public FakeCliTaskTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static bool CanRunShellScripts => !OperatingSystem.IsWindows() && File.Exists("/bin/sh") && CliLocator.HostRuntimeIdentifier() != null;

    /// <summary>Writes the fake CLI: it records its arguments, writes <paramref name="report"/> (if any) where --format json= says, prints <paramref name="stderr"/> and exits.</summary>
    private (ScanJavaBytecode Task, RecordingEngine Engine) CreateTask(string? report, string stderr, int exitCode, params string[] inputs)
    {
        var native = Path.Combine(_root, "native", CliLocator.HostRuntimeIdentifier()!);
        Directory.CreateDirectory(native);
        var script = Path.Combine(native, "bytecodelint");
        File.WriteAllText(Path.Combine(_root, "report.json"), report ?? "");
        File.WriteAllText(Path.Combine(_root, "stderr.txt"), stderr + "\n");
        File.WriteAllText(Path.Combine(_root, "log.sarif"), """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"bytecodelint"}},"results":[]}]}""");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            printf '%s\n' "$@" > '{{_root}}/arguments.txt'
            for a in "$@"; do
              case "$a" in
                json=*) {{(report == null ? ":" : $"cp '{_root}/report.json' \"${{a#json=}}\"")}} ;;
                sarif=*) {{(report == null ? ":" : $"cp '{_root}/log.sarif' \"${{a#sarif=}}\"")}} ;;
              esac
            done
            cat '{{_root}}/stderr.txt' >&2
            exit {{exitCode}}
            """.Replace("\r\n", "\n"));
        Process.Start("chmod", ["+x", script]).WaitForExit();
        var portable = Path.Combine(_root, "portable", "bytecodelint.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(portable)!);
        File.WriteAllText(portable, "not used: the native CLI runs");

        var engine = new RecordingEngine();
        var task = new ScanJavaBytecode
        {
            BuildEngine = engine,
            Inputs = inputs.Select(i => (ITaskItem)new TaskItem(i)).ToArray(),
            CliAssembly = portable,
            NativeCliDirectory = Path.Combine(_root, "native"),
            CacheDirectory = Path.Combine(_root, "cache"),
            ProjectDirectory = _root,
            ProjectFile = Path.Combine(_root, "Lint.csproj"),
            ErrorLog = Path.Combine(_root, "out.sarif"),
        };
        return (task, engine);
    }

    private string Touch(string name)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, "x");
        return path;
    }

    private static string Report(string good, string bad) => $$"""
        {"tool":"bytecodelint","version":"0.1.0","targetJdk":null,
         "inputs":[{"path":"{{good}}","classEntries":1,"classes":1,"parseErrors":0,"nestedArchives":0,"agentArchives":[]}],
         "inputErrors":[{"path":"{{bad}}","message":"error: {{bad}}: unreadable archive: not a zip archive"}],
         "diagnostics":[
          {"id":"BL0001","severity":"warning","title":"t","message":"catches Throwable","category":"Retransform","helpLink":"https://h/BL0001.md",
           "location":{"artifact":"{{good}}","entry":"{{good}}!/a/B.class","class":"a.B","member":"run","memberDescriptor":"()V",
                       "bytecodeOffset":3,"line":7,"sourceFile":"B.java","sourcePath":null},
           "properties":{},"evidence":"e","suppressed":false},
          {"id":"BL0004","severity":"warning","title":"t","message":"NaN","category":"Retransform","helpLink":"https://h/BL0004.md",
           "location":{"artifact":"{{good}}","entry":"{{good}}!/a/C.class","class":"a.C","member":null,"memberDescriptor":null,
                       "bytecodeOffset":null,"line":null,"sourceFile":null,"sourcePath":null},
           "properties":{},"evidence":"e","suppressed":true,"suppressedBy":"baseline"}]}
        """;

    [Fact]
    public void UnreadableAndMissingInputsAreCodedErrorsAtTheirItemsAndTheOtherInputsFindingsAreLogged()
    {
        if (!CanRunShellScripts) return;
        var good = Touch("good.jar");
        var bad = Touch("text.jar");
        var missing = Path.Combine(_root, "missing.jar");
        var (task, engine) = CreateTask(Report(good, bad), $"error: {bad}: unreadable archive: not a zip archive", 2, good, bad, missing);

        var succeeded = task.Execute();

        Assert.False(succeeded);
        var missingError = Assert.Single(engine.Errors, e => e.Code == "BLM0001");
        Assert.Equal(missing, missingError.File);
        var unreadable = Assert.Single(engine.Errors, e => e.Code == "BLM0002");
        Assert.Equal(bad, unreadable.File);
        Assert.DoesNotContain("error:", unreadable.Message);
        Assert.Contains("not a zip archive", unreadable.Message);
        Assert.All(engine.Errors, e => Assert.NotNull(e.Code));
        Assert.DoesNotContain(engine.Errors, e => e.Code == "BLM0005");
        // The good input's finding is still logged, at the jar, and the suppressed one is counted.
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("BL0001", good), (warning.Code, warning.File));
        Assert.Equal(1, task.SuppressedCount);
        Assert.Contains(engine.Messages, m => m.Contains("1 suppressed", StringComparison.Ordinal) && m.Contains("2 input(s) not read", StringComparison.Ordinal));
        Assert.Contains(engine.Messages, m => m.StartsWith("BytecodeLint: using the native CLI", StringComparison.Ordinal));
        // The missing input never reaches the CLI; the unreadable one did, and the SARIF log was still written.
        var arguments = File.ReadAllLines(Path.Combine(_root, "arguments.txt"));
        Assert.Contains(bad, arguments);
        Assert.DoesNotContain(missing, arguments);
        Assert.Contains("\"runs\"", File.ReadAllText(Path.Combine(_root, "out.sarif")));
    }

    [Fact]
    public void WithoutInputErrorsInTheReportTheStandardErrorLinesNameTheUnreadableInputs()
    {
        if (!CanRunShellScripts) return;
        var good = Touch("good.jar");
        var bad = Touch("text.jar");
        // A CLI that scans every readable input and exits 2, but whose JSON has no inputErrors array yet.
        var report = Report(good, bad).Replace("\"inputErrors\"", "\"unused\"");
        var (task, engine) = CreateTask(report, $"error: {bad}: unreadable archive: not a zip archive\nerror: something else", 2, good, bad);

        Assert.False(task.Execute());

        var unreadable = Assert.Single(engine.Errors, e => e.File == bad);
        Assert.Equal("BLM0002", unreadable.Code);
        Assert.EndsWith("cannot be read: unreadable archive: not a zip archive", unreadable.Message);
        Assert.Single(engine.Errors, e => e.Code == "BLM0002" && e.File == Path.Combine(_root, "Lint.csproj") && e.Message!.EndsWith("something else", StringComparison.Ordinal));
        Assert.Equal(("BL0001", good), (Assert.Single(engine.Warnings).Code, engine.Warnings[0].File));
    }

    [Fact]
    public void ReportsWithInputErrorsAreNotCachedSoTheNextBuildReadsTheInputAgain()
    {
        if (!CanRunShellScripts) return;
        var good = Touch("good.jar");
        var bad = Touch("text.jar");
        var (first, _) = CreateTask(Report(good, bad), "error: x", 2, good, bad);
        first.Execute();
        var (second, engine) = CreateTask(Report(good, bad), "error: x", 2, good, bad);

        second.Execute();

        Assert.False(second.FromCache);
        Assert.Single(engine.Errors, e => e.Code == "BLM0002");
    }

    [Fact]
    public void AFailureWithoutAReportIsOneCodedErrorAtTheProjectWithoutADoubledPrefix()
    {
        if (!CanRunShellScripts) return;
        var good = Touch("good.jar");
        var (task, engine) = CreateTask(null, "error: bad.globalconfig:3: expected 'key = value'", 2, good);

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(("BLM0005", Path.Combine(_root, "Lint.csproj")), (error.Code, error.File));
        Assert.Contains("exit code 2: bad.globalconfig:3", error.Message);
        Assert.NotNull(error.HelpLink);
    }

    [Fact]
    public void CliWarningsAreCodedWarningsAtTheProject()
    {
        if (!CanRunShellScripts) return;
        var good = Touch("good.jar");
        var report = Report(good, "/elsewhere.jar").Replace("\"inputErrors\"", "\"unused\"");
        var (task, engine) = CreateTask(report, "warning: two config files set bytecodelint.x differently", 0, good);

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Contains(engine.Warnings, w => w.Code == "BLM0008" && w.File == Path.Combine(_root, "Lint.csproj") && !w.Message!.Contains("warning:"));
    }

    /// <summary>Collects what the task logs.</summary>
    public sealed class RecordingEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];

        public List<BuildWarningEventArgs> Warnings { get; } = [];

        public List<string> Messages { get; } = [];

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "BytecodeLint.targets";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? "");

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    }
}
