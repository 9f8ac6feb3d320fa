using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace BytecodeLint.MSBuild.Tests;

/// <summary>
/// The task's hand-written JSON reader against what the real CLI writes: `scan --format json` on a
/// sample jar, read by ScanReportReader and, independently, by System.Text.Json; every field the task
/// uses must agree, so a change to the CLI's writer that the reader misses fails here.
/// </summary>
public class CliReportContractTests
{
    private static string CliAssembly => typeof(CliReportContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BytecodeLintCliAssembly").Value!;

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BytecodeLint.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("BytecodeLint.sln not found");
        }
    }

    [Fact]
    public void ReaderAgreesWithTheRealCliOnEveryFieldTheTaskUses()
    {
        var jars = Path.Combine(RepositoryRoot, "samples", "java", "jars");
        var app = Path.Combine(jars, "app.jar");
        var json = RunCli("scan", app, Path.Combine(jars, "agent-rebuild.jar"), "--source-root", Path.Combine(RepositoryRoot, "samples", "java", "src", "app"),
            "--no-global-config", "--fail-on", "never", "--format", "json");

        var report = ScanReportReader.Read(json);

        using var document = JsonDocument.Parse(json);
        var expected = document.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(expected.Count, report.Findings.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var location = e.GetProperty("location");
            var f = report.Findings[i];
            Assert.Equal(e.GetProperty("id").GetString(), f.Id);
            Assert.Equal(e.GetProperty("severity").GetString(), f.Severity);
            Assert.Equal(e.GetProperty("message").GetString(), f.Message);
            Assert.Equal(e.GetProperty("helpLink").GetString(), f.HelpLink);
            Assert.Equal(e.GetProperty("suppressed").GetBoolean(), f.Suppressed);
            Assert.Equal(location.GetProperty("artifact").GetString(), f.Artifact);
            Assert.Equal(location.GetProperty("entry").GetString(), f.Entry);
            Assert.Equal(location.GetProperty("line").ValueKind == JsonValueKind.Null ? null : location.GetProperty("line").GetInt32(), f.Line);
            Assert.Equal(location.GetProperty("sourcePath").GetString(), f.SourcePath);
        }
        // The sample exercises every branch the task logs: with and without a source file and a line, suppressed or not.
        Assert.Contains(report.Findings, f => f.SourcePath != null && f.Line > 0);
        Assert.Contains(report.Findings, f => f.SourcePath == null);
        Assert.Contains(report.Findings, f => f.Suppressed);
        Assert.Contains(report.Findings, f => !f.Suppressed && f.Severity == "warning");
        Assert.All(report.Findings, f => Assert.True(f.Artifact == app || f.Artifact.EndsWith("agent-rebuild.jar", StringComparison.Ordinal), f.Artifact));
        Assert.All(report.Findings, f => Assert.StartsWith("https://", f.HelpLink));
        // Input errors, when the CLI writes them, have the shape the task reads.
        if (document.RootElement.TryGetProperty("inputErrors", out var errors))
        {
            Assert.Equal(errors.GetArrayLength(), report.InputErrors.Count);
        }
    }

    private static string RunCli(params string[] arguments)
    {
        Assert.True(File.Exists(CliAssembly), "the CLI is not built: " + CliAssembly);
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
