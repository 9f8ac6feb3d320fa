using System.IO.Compression;

namespace BytecodeLint.Metaspace.ClassNames;

/// <summary>
/// An <see cref="IClassPoolIndex"/> over <c>.class</c> files, class folders and jars (top-level entries
/// only; entries are read in memory, never extracted).
/// </summary>
public sealed class ClassFilePoolIndex : IClassPoolIndex
{
    private const long MaxEntryBytes = 64L * 1024 * 1024;

    private readonly Dictionary<int, List<string>> _byPoolLength = [];

    /// <summary>Classes indexed; unreadable files are skipped.</summary>
    public int ClassCount { get; private set; }

    /// <summary>Indexes every class under <paramref name="paths"/>; throws <see cref="FileNotFoundException"/> for a missing path.</summary>
    public static ClassFilePoolIndex FromPaths(IEnumerable<string> paths)
    {
        var index = new ClassFilePoolIndex();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.class", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    index.Add(File.ReadAllBytes(file));
            }
            else if (!File.Exists(path))
            {
                throw new FileNotFoundException($"class input not found: {path}", path);
            }
            else if (path.EndsWith(".class", StringComparison.OrdinalIgnoreCase))
            {
                index.Add(File.ReadAllBytes(path));
            }
            else
            {
                index.AddArchive(path);
            }
        }
        return index;
    }

    public IReadOnlyList<string> ClassesWithPoolLength(int poolLength) =>
        _byPoolLength.TryGetValue(poolLength, out var names) ? names : [];

    private void AddArchive(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".class", StringComparison.Ordinal) || entry.Length > MaxEntryBytes)
                continue;
            using var stream = entry.Open();
            var buffer = new byte[entry.Length];
            stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            Add(buffer);
        }
    }

    private void Add(byte[] bytes)
    {
        if (ClassHeaderReader.TryRead(bytes) is not { } header)
            return;
        ClassCount++;
        if (!_byPoolLength.TryGetValue(header.PoolCount, out var names))
            _byPoolLength[header.PoolCount] = names = [];
        if (!names.Contains(header.Name))
            names.Add(header.Name);
    }
}
