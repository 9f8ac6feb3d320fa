namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// One command-line input (a <c>.class</c> file, a directory, or a jar/war/ear/zip/jmod, detected by
/// content) enumerated in memory: its class entries in a deterministic order, the archives read, and the
/// problems met on the way. Archives are memory-mapped until <see cref="Dispose"/>; nothing is extracted.
/// </summary>
public sealed class Artifact : IDisposable
{
    private readonly IReadOnlyList<IDisposable> _owned;

    internal Artifact(string inputPath, IReadOnlyList<ClassEntry> classEntries, IReadOnlyList<InputProblem> problems,
        IReadOnlyList<ArchiveInfo> archives, IReadOnlyList<IDisposable> owned)
    {
        InputPath = inputPath;
        ClassEntries = classEntries;
        Problems = problems;
        Archives = archives;
        NestedArchives = archives.Count(a => a.Depth > 0);
        _owned = owned;
    }

    /// <summary>
    /// Enumerates the input at <paramref name="path"/>. Corrupt or limit-crossing parts inside it become
    /// <see cref="Problems"/>; only an input that cannot be read at all throws.
    /// </summary>
    /// <exception cref="InputException">Missing path, unreadable file, not a class file, zip archive or directory.</exception>
    public static Artifact Open(string path, InputLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new ArtifactBuilder(path, limits ?? InputLimits.Default).Build();
    }

    /// <summary>
    /// Enumerates an input held in memory (a class file or an archive, detected by content) under the
    /// display name <paramref name="name"/>. The bytes are read in place and must outlive the artifact.
    /// </summary>
    /// <exception cref="InputException">Empty bytes, or neither a class file nor a zip archive.</exception>
    public static Artifact FromBytes(string name, ReadOnlyMemory<byte> bytes, InputLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ArtifactBuilder(name, limits ?? InputLimits.Default).BuildFromMemory(bytes);
    }

    /// <summary>The path as the user gave it (for an input in memory, its name).</summary>
    public string InputPath { get; }

    /// <summary>
    /// Every class entry (<c>*.class</c>, and class files under a hidden name): central-directory order within an archive, a nested jar's entries
    /// in place of the jar entry (depth first), a directory's files sorted by relative path (ordinal).
    /// </summary>
    public IReadOnlyList<ClassEntry> ClassEntries { get; }

    /// <summary>What could not be enumerated, in the order met.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>The top-level archive (if the input is one) and every nested jar opened, in the order opened.</summary>
    public IReadOnlyList<ArchiveInfo> Archives { get; }

    /// <summary>
    /// How many nested jars were opened (at any depth, including jar files inside a scanned directory);
    /// PeerScan's <c>nested_jars</c> for any input it can read. A nested jar that could not be opened is a problem instead.
    /// </summary>
    public int NestedArchives { get; }

    /// <summary>Unmaps the input's files. Call only after every <see cref="ClassEntry.Read"/> has finished.</summary>
    public void Dispose()
    {
        foreach (IDisposable owned in _owned)
            owned.Dispose();
    }
}
