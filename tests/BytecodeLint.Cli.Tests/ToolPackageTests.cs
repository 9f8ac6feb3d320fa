using System.Diagnostics;
using System.Runtime.InteropServices;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Cli.Tests;

/// <summary>
/// Packs the CLI as a dotnet tool, installs it from the local package folder into a temporary tool
/// path and runs the installed command. Slow (a Release build of three projects): skip it locally with
/// <c>dotnet test --filter Category!=Packaging</c>; CI runs it.
/// </summary>
[Trait("Category", "Packaging")]
public class ToolPackageTests
{
    [Fact]
    public void Packed_tool_installs_and_runs()
    {
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        // A stable build folder per checkout and build slot: later runs build incrementally, and
        // nothing races with the test run's own artifacts folder.
        var artifacts = Path.Combine(Path.GetTempPath(), "bytecodelint-tooltest-" +
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RepoPaths.Root + Environment.GetEnvironmentVariable("BL_BUILD_SLOT"))))[..12]);
        var project = Path.Combine(RepoPaths.Root, "src", "BytecodeLint.Cli", "BytecodeLint.Cli.csproj");

        var pack = Dotnet(folder.Path, "pack", project, "-c", "Release", "-o", packages, "-p:ArtifactsPath=" + artifacts, "--disable-build-servers", "-nodeReuse:false");
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        var package = Assert.Single(Directory.GetFiles(packages, "BytecodeLint.Tool.*.nupkg"));
        string version = Path.GetFileNameWithoutExtension(package)["BytecodeLint.Tool.".Length..];

        // Only the local folder as a source: the install must not depend on the network.
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

        string command = Path.Combine(tools, OperatingSystem.IsWindows() ? "bytecodelint.exe" : "bytecodelint");
        var versionRun = Start(command, folder.Path, "--version");
        Assert.Equal(0, versionRun.ExitCode);
        Assert.StartsWith(version, versionRun.Output.Trim());

        var scan = Start(command, folder.Path, "scan", Path.Combine(RepoPaths.Samples, "java", "jars", "app.jar"), "--format", "sarif", "--fail-on", "never", "--no-global-config");
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
