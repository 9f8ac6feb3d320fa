using System.Collections.Concurrent;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Maps a class to its Java source through the source roots: package folder of the class +
/// its SourceFile attribute (<c>com/acme/Foo$1</c> with <c>Foo.java</c> → <c>ROOT/com/acme/Foo.java</c>).
/// Only files that exist are returned; lookups are cached because every class of a package shares them.
/// </summary>
internal sealed class SourceMapper(IReadOnlyList<string> roots)
{
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    public string? Map(string internalClassName, string? sourceFile)
    {
        if (roots.Count == 0 || string.IsNullOrEmpty(sourceFile) || sourceFile.Contains('/') || sourceFile.Contains('\\')) return null;
        int slash = internalClassName.LastIndexOf('/');
        string relative = slash < 0 ? sourceFile : internalClassName[..(slash + 1)] + sourceFile;
        return _cache.GetOrAdd(relative, static (rel, rs) =>
        {
            foreach (var root in rs)
            {
                var candidate = Path.Combine(root, rel);
                if (File.Exists(candidate)) return candidate.Replace('\\', '/');
            }
            return null;
        }, roots);
    }
}
