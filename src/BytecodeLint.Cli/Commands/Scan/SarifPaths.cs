namespace BytecodeLint.Cli.Commands.Scan;

/// <summary>
/// Turns file paths into SARIF artifact URIs: relative to the base folder (<c>--sarif-base</c>, default
/// the current directory) with <c>/</c> separators and percent-escaped segments, which is what GitHub
/// matches against the repository; a path outside the base becomes an absolute <c>file:</c> URI.
/// </summary>
public sealed class SarifPaths(string baseDirectory)
{
    private readonly string _base = Path.GetFullPath(baseDirectory);

    /// <summary>The base folder as a <c>file:</c> URI ending in <c>/</c>.</summary>
    public string BaseUri => new Uri(Path.TrimEndingDirectorySeparator(_base) + Path.DirectorySeparatorChar).AbsoluteUri;

    public string ToUri(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(_base, full);
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || relative.StartsWith("../", StringComparison.Ordinal))
            return new Uri(full).AbsoluteUri;
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
    }
}
