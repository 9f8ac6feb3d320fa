namespace BytecodeLint.Analysis.Inputs;

/// <summary>Multi-release jar paths (JEP 238): <c>META-INF/versions/N/</c>.</summary>
internal static class MultiRelease
{
    public const string VersionsFolder = "META-INF/versions/";

    /// <summary>
    /// Versioned when the path (or a containing nested jar's path) contains the versions folder
    /// anywhere, as PeerScan counts; the release is parsed only when the path starts with it.
    /// </summary>
    public static (bool IsVersioned, int? Release) Classify(string path, bool versionedParent)
    {
        bool versioned = versionedParent || IsVersionedPath(path);
        return (versioned, ReleaseOf(path));
    }

    public static bool IsVersionedPath(string path) => path.Contains(VersionsFolder, StringComparison.Ordinal);

    /// <summary>N for <c>META-INF/versions/N/rest</c> (N decimal digits, 1 to 9 of them); otherwise null.</summary>
    public static int? ReleaseOf(string path)
    {
        if (!path.StartsWith(VersionsFolder, StringComparison.Ordinal))
            return null;
        int start = VersionsFolder.Length, end = start;
        while (end < path.Length && char.IsAsciiDigit(path[end]))
            end++;
        if (end == start || end - start > 9 || end >= path.Length || path[end] != '/')
            return null;
        return int.Parse(path.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
    }
}
