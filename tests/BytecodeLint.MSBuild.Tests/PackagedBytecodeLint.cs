using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace BytecodeLint.MSBuild.Tests;

/// <summary>
/// The BytecodeLint package, packed once per test run into a temporary folder feed with a unique
/// version (so no NuGet cache can serve a stale copy), and a helper that runs `dotnet build` against it.
/// Shared by every test class through <see cref="Instance"/>, so classes still run in parallel.
/// </summary>
public sealed class PackagedBytecodeLint
{
    private static readonly Lazy<PackagedBytecodeLint> Shared = new(() => new PackagedBytecodeLint(), LazyThreadSafetyMode.ExecutionAndPublication);

    private PackagedBytecodeLint()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "bytecodelint-msbuild-tests", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Environment.ProcessId);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        // Nothing above the generated projects may leak build settings into them.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;

        // Small jars of javac-compiled sample classes whose only findings are BL0001, so that rules added
        // later to the engine cannot change what these tests see.
        CatchJar = WriteJar("catch.jar", "release17", "CatchThrowablePrints", "CatchThrowableGetMessage", "CatchException", "TryWithResources", "TryWithResources$Resource");
        SmallCatchJar = WriteJar("catch-small.jar", "release8", "CatchThrowablePrints", "CatchException");

        var pack = Run(RepositoryRoot, ["pack", Path.Combine(RepositoryRoot, "src", "BytecodeLint.MSBuild", "BytecodeLint.MSBuild.csproj"),
            "-c", BuildConfiguration, "-o", Feed, "-p:PackageVersion=" + Version]);
        if (pack.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
    }

    public static PackagedBytecodeLint Instance => Shared.Value;

    /// <summary>Pack with the configuration these tests were built with, so the pack reuses that build of the CLI.</summary>
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Version { get; }

    public string SampleJava => Path.Combine(RepositoryRoot, "samples", "java");

    /// <summary>Three BL0001 cases (CatchThrowablePrints, CatchThrowableGetMessage, TryWithResources) and a negative control.</summary>
    public string CatchJar { get; }

    /// <summary>One BL0001 case (CatchThrowablePrints, compiled for Java 8) and a negative control.</summary>
    public string SmallCatchJar { get; }

    private string WriteJar(string name, string release, params string[] classNames)
    {
        var path = Path.Combine(Root, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var className in classNames)
        {
            var classFile = Path.Combine(SampleJava, "classes", release, "samples", "app", className + ".class");
            zip.CreateEntryFromFile(classFile, "samples/app/" + className + ".class");
        }
        return path;
    }

    /// <summary>A new empty folder under the run's temporary root.</summary>
    public string NewFolder(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Writes a NoTargets project that references the package, with extra properties and items.</summary>
    public string WriteProject(string folder, string properties = "", string items = "", string targetFrameworks = "<TargetFramework>net10.0</TargetFramework>")
    {
        var path = Path.Combine(folder, "Lint.proj");
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                {targetFrameworks}
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="BytecodeLint" Version="{Version}" />
                {items}
              </ItemGroup>
            </Project>
            """);
        return path;
    }

    /// <summary>Restores and builds a project against the packed package; returns exit code, console output and recorded events.</summary>
    public BuildResult Build(string project, params string[] extraArguments)
    {
        var events = Path.Combine(Root, "events-" + Guid.NewGuid().ToString("N")[..8] + ".jsonl");
        var arguments = new List<string>
        {
            "build", project,
            "-p:RestorePackagesPath=" + Packages,
            "-p:RestoreAdditionalProjectSources=" + Feed,
            "-logger:" + typeof(BuildEventRecorder).FullName + "," + typeof(BuildEventRecorder).Assembly.Location + ";" + events,
        };
        arguments.AddRange(extraArguments);
        var stopwatch = Stopwatch.StartNew();
        var run = Run(Path.GetDirectoryName(project)!, arguments.ToArray());
        var recorded = File.Exists(events)
            ? File.ReadAllLines(events).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<RecordedEvent>(l)!).ToList()
            : [];
        return new BuildResult(run.ExitCode, run.Output, recorded, stopwatch.Elapsed);
    }

    /// <summary>Runs any dotnet command (e.g. <c>msbuild -getItem</c>) with the same environment as <see cref="Build"/>.</summary>
    public (int ExitCode, string Output) RunDotnet(string workingDirectory, params string[] arguments) => Run(workingDirectory, arguments);

    /// <summary>Runs <c>dotnet APP.dll ARGS</c> without the MSBuild switches the other commands get.</summary>
    public (int ExitCode, string Output) RunApp(string workingDirectory, params string[] arguments) => Run(workingDirectory, arguments, msbuildSwitches: false);

    private static (int ExitCode, string Output) Run(string workingDirectory, string[] arguments, bool msbuildSwitches = true)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        if (msbuildSwitches)
        {
            foreach (var option in new[] { "-nologo", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:m" }) startInfo.ArgumentList.Add(option);
        }
        // The test host's MSBuild variables must not redirect the child build.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE" })
        {
            startInfo.Environment.Remove(name);
        }
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish in 8 minutes:\n" + output);
        }
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BytecodeLint.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("BytecodeLint.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The outcome of one `dotnet build`.</summary>
public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<RecordedEvent> Events, TimeSpan Elapsed)
{
    public IEnumerable<RecordedEvent> Warnings(string code) => Events.Where(e => e.Kind == "warning" && e.Code == code);

    public IEnumerable<RecordedEvent> Errors(string code) => Events.Where(e => e.Kind == "error" && e.Code == code);

    /// <summary>The task's summary line ("BytecodeLint: N input(s), ...").</summary>
    public string Summary => Events.LastOrDefault(e => e.Kind == "message" && e.Message!.Contains("input(s)", StringComparison.Ordinal))?.Message ?? "";

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
