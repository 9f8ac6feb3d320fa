using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// One top-level input of a scan: a path (a <c>.class</c>, a folder, an archive) or bytes held in memory
/// under a display name (a library caller's or a test's; nothing is written to disk).
/// </summary>
public sealed record ScanInput
{
    private readonly ReadOnlyMemory<byte>? _bytes;

    private ScanInput(string path, ReadOnlyMemory<byte>? bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        _bytes = bytes;
    }

    /// <summary>The path as the user gave it, or the name of an input in memory.</summary>
    public string Path { get; }

    /// <summary>True for an input given as bytes.</summary>
    public bool InMemory => _bytes is not null;

    public static ScanInput FromPath(string path) => new(path, null);

    /// <summary>A class file or an archive (jar, zip, jmod; nested jars are read too) given as bytes.</summary>
    public static ScanInput FromBytes(string name, ReadOnlyMemory<byte> bytes) => new(name, bytes);

    public static IReadOnlyList<ScanInput> FromPaths(IEnumerable<string> paths) => paths.Select(FromPath).ToList();

    /// <summary>
    /// The input's size before it is opened: the bytes, or the file's length (an archive is mapped whole while
    /// it is scanned); 0 for a folder or a path that cannot be read (its error comes when it is opened).
    /// </summary>
    internal long SizeHint()
    {
        if (_bytes is { } bytes) return bytes.Length;
        try
        {
            var file = new FileInfo(Path);
            return file.Exists ? file.Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>Enumerates the input; throws <see cref="InputException"/> when it cannot be read at all.</summary>
    public Artifact Open(InputLimits limits) =>
        _bytes is { } bytes ? Artifact.FromBytes(Path, bytes, limits) : Artifact.Open(Path, limits);
}
