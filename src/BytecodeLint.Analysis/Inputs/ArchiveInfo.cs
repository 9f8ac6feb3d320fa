namespace BytecodeLint.Analysis.Inputs;

/// <summary>One archive read for an input: the top-level archive or a nested jar, with what it declares.</summary>
public sealed class ArchiveInfo
{
    internal ArchiveInfo(string location, int depth, long baseOffset, IReadOnlyList<string> entryNames, IReadOnlyDictionary<string, string>? manifest)
    {
        Location = location;
        Depth = depth;
        BaseOffset = baseOffset;
        EntryNames = entryNames;
        ManifestAttributes = manifest;
    }

    /// <summary>Location chain of the archive itself: <c>app.jar</c>, <c>app.jar!/BOOT-INF/lib/x.jar</c>, <c>dir/lib/y.jar</c>.</summary>
    public string Location { get; }

    /// <summary>0 for the top-level archive, 1 for a jar inside it (or inside a scanned directory), and so on.</summary>
    public int Depth { get; }

    /// <summary>Bytes before the zip proper: 4 for a jmod (<c>JM\1\0</c>), the stub size of a self-extracting archive, usually 0.</summary>
    public long BaseOffset { get; }

    /// <summary>Every entry name in central-directory order (directories included), as far as the directory could be read.</summary>
    public IReadOnlyList<string> EntryNames { get; }

    /// <summary>
    /// Main-section attributes of <c>META-INF/MANIFEST.MF</c> (continuation lines joined; keys compared
    /// case-insensitively as <c>java.util.jar.Attributes</c> does), or null when the archive has no manifest.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ManifestAttributes { get; }

    /// <inheritdoc />
    public override string ToString() => Location;
}
