namespace BytecodeLint.Cli;

/// <summary>One report of a command: a format and where it goes (null = standard output).</summary>
internal sealed record OutputTarget(string Format, string? Path);

/// <summary>
/// The <c>-f/--format FORMAT[=FILE]</c> syntax every reporting command shares (repeatable): a format
/// without <c>=FILE</c> goes to <c>-o/--output</c> when given, else to standard output; at most one
/// report may go to standard output and no two to the same file. <c>--format text --format
/// sarif=report.sarif</c> keeps the CI log readable while writing SARIF.
/// </summary>
internal static class ReportTargets
{
    /// <summary>An error message for a malformed spec, or null.</summary>
    public static string? Check(string spec, IReadOnlyList<string> formats)
    {
        int equals = spec.IndexOf('=');
        string format = equals < 0 ? spec : spec[..equals];
        if (!formats.Contains(format, StringComparer.Ordinal))
            return $"'{format}' is not a format for --format (expected {string.Join(", ", formats)}, optionally =FILE)";
        if (equals >= 0 && equals == spec.Length - 1)
            return $"--format {spec}: the file name after '=' is missing";
        return null;
    }

    /// <summary>The targets of <paramref name="specs"/> (the first of <paramref name="formats"/> when none is given).</summary>
    public static IReadOnlyList<OutputTarget> Resolve(IReadOnlyList<string> specs, string? output, IReadOnlyList<string> formats)
    {
        if (specs.Count == 0) specs = [formats[0]];
        string? defaultPath = string.IsNullOrEmpty(output) || output == "-" ? null : output;
        var targets = new List<OutputTarget>();
        foreach (var spec in specs)
        {
            if (Check(spec, formats) is { } error) throw new UserErrorException(error);
            int equals = spec.IndexOf('=');
            string? path = equals < 0 ? defaultPath : spec[(equals + 1)..];
            targets.Add(new OutputTarget(equals < 0 ? spec : spec[..equals], path == "-" ? null : path));
        }
        var toStdout = targets.Where(t => t.Path is null).ToList();
        if (toStdout.Count > 1)
            throw new UserErrorException($"--format {string.Join(" and ", toStdout.Select(t => t.Format))} would all go to standard output; give all but one a file (--format FORMAT=FILE)");
        var clash = targets.Where(t => t.Path is not null).GroupBy(t => Path.GetFullPath(t.Path!)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new UserErrorException($"--format {string.Join(" and ", clash.Select(t => t.Format))} would all be written to '{clash.First().Path}'");
        return targets;
    }

    /// <summary>Writes every target with <paramref name="write"/>(format, writer).</summary>
    public static void WriteAll(IEnumerable<OutputTarget> targets, TextWriter stdout, Action<string, TextWriter> write)
    {
        foreach (var target in targets)
            OutputFile.Write(target.Path, stdout, writer => write(target.Format, writer));
    }
}
