using System;
using System.Collections.Generic;

namespace BytecodeLint.MSBuild;

/// <summary>A top-level input the CLI could not read (missing, not an archive); the others were still scanned.</summary>
internal sealed class InputError
{
    public InputError(string path, string message)
    {
        Path = path;
        Message = message;
    }

    public string Path { get; }

    public string Message { get; }
}

/// <summary>What the task uses of one <c>bytecodelint scan --format json</c> report.</summary>
internal sealed class ScanReportData
{
    public List<Finding> Findings { get; } = new List<Finding>();

    public List<InputError> InputErrors { get; } = new List<InputError>();
}

/// <summary>Reads the diagnostics and input errors of a <c>bytecodelint scan --format json</c> report.</summary>
internal static class ScanReportReader
{
    /// <summary>Throws <see cref="FormatException"/> when the text is not a BytecodeLint report.</summary>
    public static ScanReportData Read(string json)
    {
        if (MiniJson.Parse(json) is not Dictionary<string, object?> root || !root.ContainsKey("diagnostics"))
        {
            throw new FormatException("not a BytecodeLint JSON report (no 'diagnostics')");
        }
        var report = new ScanReportData();
        if (root.TryGetValue("inputErrors", out var e) && e is List<object?> errors)
        {
            foreach (var item in errors)
            {
                if (item is not Dictionary<string, object?> error) continue;
                report.InputErrors.Add(new InputError(Text(error, "path") ?? "", Text(error, "message") ?? "cannot be read"));
            }
        }
        if (root["diagnostics"] is not List<object?> diagnostics) return report;
        foreach (var item in diagnostics)
        {
            if (item is not Dictionary<string, object?> diagnostic) continue;
            var location = diagnostic.TryGetValue("location", out var l) ? l as Dictionary<string, object?> : null;
            report.Findings.Add(new Finding
            {
                Id = Text(diagnostic, "id") ?? "",
                Severity = Text(diagnostic, "severity") ?? "warning",
                Message = Text(diagnostic, "message") ?? "",
                HelpLink = Text(diagnostic, "helpLink"),
                Suppressed = diagnostic.TryGetValue("suppressed", out var s) && s is true,
                Artifact = Text(location, "artifact") ?? "",
                Entry = Text(location, "entry") ?? "",
                Line = Number(location, "line"),
                SourcePath = Text(location, "sourcePath"),
            });
        }
        return report;
    }

    private static string? Text(Dictionary<string, object?>? map, string name) =>
        map != null && map.TryGetValue(name, out var value) ? value as string : null;

    private static int? Number(Dictionary<string, object?>? map, string name) =>
        map != null && map.TryGetValue(name, out var value) && value is double d
            ? (int)Math.Min(int.MaxValue, Math.Max(0, d))
            : null;
}
