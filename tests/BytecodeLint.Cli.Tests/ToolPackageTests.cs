using System.Diagnostics;
using System.Runtime.InteropServices;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Cli.Tests;

/// <summary>
/// Packs the CLI as a dotnet tool the way scripts/pack.sh does (a top-level package that names
/// RID-specific packages: linux-x64 Native AOT and the portable `any`), installs it from the local
/// package folder into a temporary tool path and runs the installed command. Slow (Release builds, and
/// a Native AOT compile on linux-x64): skip it locally with <c>dotnet test --filter Category!=Packaging</c>; CI runs it.
/// </summary>
[Trait("Category", "Packaging")]
public class ToolPackageTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "src", "BytecodeLint.Cli", "BytecodeLint.Cli.csproj");

    /// <summary>A stable build folder per checkout and build slot: later runs build incrementally, and nothing races with the test run's own artifacts.</summary>
    private static readonly string Artifacts = Path.Combine(Path.GetTempPath(), "bytecodelint-tooltest-" +
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepoPaths.Root + Environment.GetEnvironmentVariable("BL_BUILD_SLOT"))))[..12]);

    [Fact]
    public void OnLinuxX64TheInstallerPicksTheNativeBuild()
    {
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64" && !(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)) return;
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        Pack(folder.Path, packages);
        Pack(folder.Path, packages, "-r", "any");
        Pack(folder.Path, packages, "-r", "linux-x64");

        var command = Install(folder, packages, out var version);

        // The command is the AOT executable itself (no dotnet host, no bytecodelint.dll beside it).
        var target = new FileInfo(command).LinkTarget ?? command;
        Assert.Contains("bytecodelint.tool.linux-x64", target);
        var installed = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(command)!, target)))!;
        Assert.False(File.Exists(Path.Combine(installed, "bytecodelint.dll")), "the native package carries no IL: " + installed);
        Assert.False(File.Exists(Path.Combine(installed, "bytecodelint.dbg")), "the native package carries no separate symbols");
        RunInstalled(command, folder.Path, version);
    }

    [Fact]
    public void WithoutANativeBuildForTheMachineTheInstallerPicksThePortableOne()
    {
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        // The same top-level package shape, but naming a native RID this machine is not: `any` must be chosen.
        var otherRid = OperatingSystem.IsMacOS() ? "win-x64" : "osx-arm64";
        // Quoted, so that MSBuild sees a real list separator (%3B would stay one RID, "osx-arm64;any").
        var rids = "-p:ToolPackageRuntimeIdentifiers=\"" + otherRid + ";any\"";
        Pack(folder.Path, packages, rids);
        Pack(folder.Path, packages, "-r", "any", rids);

        var command = Install(folder, packages, out var version);

        var store = Path.Combine(folder.Path, "tools", ".store", "bytecodelint.tool", version);
        Assert.True(Directory.Exists(Path.Combine(store, "bytecodelint.tool.any")), "installed: " + string.Join(", ", Directory.GetDirectories(store)));
        RunInstalled(command, folder.Path, version);
    }

    private static void Pack(string workingDirectory, string packages, params string[] extra)
    {
        var arguments = new List<string> { "pack", Project, "-c", "Release", "-o", packages, "-p:ArtifactsPath=" + Artifacts, "--disable-build-servers", "-nodeReuse:false" };
        arguments.AddRange(extra);
        var pack = Dotnet(workingDirectory, arguments.ToArray());
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
    }

    /// <summary>Installs BytecodeLint.Tool from <paramref name="packages"/> only (no network) and returns the command's path.</summary>
    private static string Install(TempFolder folder, string packages, out string version)
    {
        // The top-level package: BytecodeLint.Tool.<version>, not BytecodeLint.Tool.<rid>.<version>.
        var package = Assert.Single(Directory.GetFiles(packages, "BytecodeLint.Tool.*.nupkg"), p => char.IsAsciiDigit(Path.GetFileName(p)["BytecodeLint.Tool.".Length]));
        version = Path.GetFileNameWithoutExtension(package)["BytecodeLint.Tool.".Length..];
        var config = folder.File("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(folder.Path, "tools");
        var install = Dotnet(folder.Path, "tool", "install", "BytecodeLint.Tool", "--tool-path", tools, "--configfile", config, "--version", version);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "bytecodelint.exe" : "bytecodelint");
    }

    private static void RunInstalled(string command, string workingDirectory, string version)
    {
        var versionRun = Start(command, workingDirectory, "--version");
        Assert.Equal(0, versionRun.ExitCode);
        Assert.StartsWith(version, versionRun.Output.Trim());

        var scan = Start(command, workingDirectory, "scan", Path.Combine(RepoPaths.Samples, "java", "jars", "app.jar"), "--format", "sarif", "--fail-on", "never", "--no-global-config");
        Assert.True(scan.ExitCode == 0, scan.Output);
        Assert.Contains("\"version\": \"2.1.0\"", scan.Output);
        Assert.Contains("\"ruleId\": \"BL0001\"", scan.Output);
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args) =>
        Start(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", workingDirectory, args);

    private static (int ExitCode, string Output) Start(string file, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // The test host's MSBuild variables would point a nested build at the wrong SDK pieces.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList()) info.Environment.Remove(name);
        // The installed apphost must find the runtime that runs these tests.
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
