using System.Text.RegularExpressions;
using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Which class entries a scan visits (<c>bytecodelint.include</c> / <c>bytecodelint.exclude</c>).
/// A pattern is a path glob matched against the entry's chain inside its input
/// (<c>BOOT-INF/lib/x.jar!/com/acme/Foo.class</c>, or <c>com/acme/Foo.class</c> for a class folder)
/// and against its path inside the innermost archive (<c>com/acme/Foo.class</c>), so
/// <c>com/acme/**</c> covers the package wherever it is nested. An entry is visited when it matches
/// some include (or there are none) and no exclude.
/// </summary>
public sealed class EntryFilter
{
    private readonly Regex[] _include;
    private readonly Regex[] _exclude;

    public EntryFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        Include = include;
        Exclude = exclude;
        _include = include.Select(Glob.Path).ToArray();
        _exclude = exclude.Select(Glob.Path).ToArray();
    }

    public IReadOnlyList<string> Include { get; }

    public IReadOnlyList<string> Exclude { get; }

    public bool IsEmpty => _include.Length == 0 && _exclude.Length == 0;

    public bool Accepts(string inputPath, ClassEntry entry) => Accepts(RelativeChain(inputPath, entry.Location), entry.EntryPath);

    /// <summary>Decides on the chain relative to the input and the innermost entry path.</summary>
    public bool Accepts(string relativeChain, string entryPath)
    {
        bool Matches(Regex r) => r.IsMatch(relativeChain) || r.IsMatch(entryPath);
        if (_include.Length > 0 && !_include.Any(Matches)) return false;
        return !_exclude.Any(Matches);
    }

    /// <summary>The location chain without the input's own path (<c>app.jar!/x/Y.class</c> → <c>x/Y.class</c>).</summary>
    public static string RelativeChain(string inputPath, string location)
    {
        if (location.StartsWith(inputPath, StringComparison.Ordinal))
        {
            var rest = location.AsSpan(inputPath.Length);
            if (rest.StartsWith("!/")) return rest[2..].ToString();
            if (rest.Length > 0 && rest[0] is '/' or '\\') return rest[1..].ToString().Replace('\\', '/');
        }
        return location.Replace('\\', '/');
    }
}
