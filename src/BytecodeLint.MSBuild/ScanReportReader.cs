using System;
using System.Collections.Generic;
using System.Globalization;

namespace BytecodeLint.MSBuild;

/// <summary>Reads the diagnostics of a <c>bytecodelint scan --format json</c> report.</summary>
internal static class ScanReportReader
{
    /// <summary>Throws <see cref="FormatException"/> when the text is not a BytecodeLint report.</summary>
    public static List<Finding> Read(string json)
    {
        if (MiniJson.Parse(json) is not Dictionary<string, object?> root || !root.ContainsKey("diagnostics"))
        {
            throw new FormatException("not a BytecodeLint JSON report (no 'diagnostics')");
        }
        var findings = new List<Finding>();
        if (root["diagnostics"] is not List<object?> diagnostics) return findings;
        foreach (var item in diagnostics)
        {
            if (item is not Dictionary<string, object?> diagnostic) continue;
            var location = diagnostic.TryGetValue("location", out var l) ? l as Dictionary<string, object?> : null;
            findings.Add(new Finding
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
        return findings;
    }

    private static string? Text(Dictionary<string, object?>? map, string name) =>
        map != null && map.TryGetValue(name, out var value) ? value as string : null;

    private static int? Number(Dictionary<string, object?>? map, string name) =>
        map != null && map.TryGetValue(name, out var value) && value is double d
            ? (int)Math.Min(int.MaxValue, Math.Max(0, d))
            : null;
}
