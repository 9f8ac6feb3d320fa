using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace BytecodeLint.MSBuild;

/// <summary>
/// Runs <c>dotnet bytecodelint.dll …</c> and collects its standard error. Kept apart from the task so
/// cancellation (Ctrl+C, Visual Studio's cancel) has one place to kill the process.
/// </summary>
internal sealed class CliRunner
{
    private readonly object _gate = new object();
    private Process? _process;
    private bool _cancelled;

    public bool IsCancelled
    {
        get { lock (_gate) return _cancelled; }
    }

    /// <summary>Runs to completion (or cancellation) and returns the exit code; -1 when cancelled.</summary>
    public int Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, out string standardError)
    {
        var startInfo = new ProcessStartInfo(fileName, JoinArguments(arguments))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // The CLI must not inherit MSBuild's node settings or print a banner into our pipes.
        startInfo.EnvironmentVariables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.EnvironmentVariables["DOTNET_NOLOGO"] = "1";

        var errors = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (errors) errors.AppendLine(e.Data);
        };
        process.OutputDataReceived += (_, _) => { };
        lock (_gate)
        {
            if (_cancelled)
            {
                standardError = "";
                return -1;
            }
            process.Start();
            _process = process;
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        process.WaitForExit();
        lock (_gate) _process = null;
        lock (errors) standardError = errors.ToString().Trim();
        return IsCancelled ? -1 : process.ExitCode;
    }

    /// <summary>Kills the running CLI, if any; later runs return at once.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            try
            {
                if (_process != null && !_process.HasExited) _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Already exiting.
            }
        }
    }

    /// <summary>Quotes arguments for ProcessStartInfo.Arguments (the Windows rules, which .NET also applies on Unix).</summary>
    public static string JoinArguments(IEnumerable<string> arguments)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (builder.Length > 0) builder.Append(' ');
            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0)
            {
                builder.Append(argument);
                continue;
            }
            builder.Append('"');
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                if (c == '"')
                {
                    builder.Append('\\', backslashes * 2 + 1);
                }
                else
                {
                    builder.Append('\\', backslashes);
                }
                backslashes = 0;
                builder.Append(c);
            }
            builder.Append('\\', backslashes * 2);
            builder.Append('"');
        }
        return builder.ToString();
    }
}
