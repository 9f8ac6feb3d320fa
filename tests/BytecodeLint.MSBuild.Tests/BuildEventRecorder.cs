using System.Text.Json;
using Microsoft.Build.Framework;

namespace BytecodeLint.MSBuild.Tests;

/// <summary>
/// An MSBuild logger (`-logger:BuildEventRecorder,&lt;this dll&gt;;&lt;file&gt;`) that writes every warning,
/// error and BytecodeLint message as one JSON line, with the fields the console hides (help link).
/// </summary>
public sealed class BuildEventRecorder : ILogger
{
    private StreamWriter? _writer;

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Normal;

    public string? Parameters { get; set; }

    public void Initialize(IEventSource eventSource)
    {
        _writer = new StreamWriter(Parameters ?? throw new InvalidOperationException("BuildEventRecorder needs a file name parameter")) { AutoFlush = false };
        eventSource.WarningRaised += (_, e) => Write("warning", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message, e.HelpLink, e.ProjectFile);
        eventSource.ErrorRaised += (_, e) => Write("error", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message, e.HelpLink, e.ProjectFile);
        eventSource.MessageRaised += (_, e) =>
        {
            if (e.Message != null && e.Message.StartsWith("BytecodeLint:", StringComparison.Ordinal))
            {
                Write("message", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message, null, e.ProjectFile);
            }
            else if (e.Code != null && e.Code.StartsWith("BL", StringComparison.Ordinal))
            {
                Write("message", e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message, null, e.ProjectFile);
            }
        };
    }

    public void Shutdown()
    {
        _writer?.Dispose();
        _writer = null;
    }

    private void Write(string kind, string? code, string? file, int line, int column, string? message, string? helpLink, string? project)
    {
        var record = new RecordedEvent(kind, code, file, line, column, message, helpLink, project);
        lock (this) _writer?.WriteLine(JsonSerializer.Serialize(record));
    }
}

/// <summary>One line written by <see cref="BuildEventRecorder"/>.</summary>
public sealed record RecordedEvent(string Kind, string? Code, string? File, int Line, int Column, string? Message, string? HelpLink, string? Project);
