using System.Collections.Concurrent;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Class dumps of an agent (<c>scan --transformed</c>: Arthas <c>-Darthas.dump</c>, Byte Buddy's
/// <c>net.bytebuddy.dump</c>, a transformer's own dump folder), by internal class name, for the rules
/// that compare a scanned class with what the agent made of it (BL0002's pair mode). Dumps are small, so
/// their bytes are copied and kept for the whole scan. Records which dumps found their original, for
/// the pair-mode summary. Thread-safe: class actions look dumps up concurrently.
/// </summary>
public sealed class TransformedClassSet
{
    private readonly Dictionary<string, TransformedClass> _byName;
    private readonly ConcurrentDictionary<string, bool> _matched = new(StringComparer.Ordinal);
    private int _pairs;

    private TransformedClassSet(string inputPath, Dictionary<string, TransformedClass> byName, IReadOnlyList<Diagnostic> problems)
    {
        InputPath = inputPath;
        _byName = byName;
        Problems = problems;
    }

    /// <summary>The dumps' folder or archive as the user named it.</summary>
    public string InputPath { get; }

    /// <summary>BL9001 for dumps that could not be read or parsed (the others are still used).</summary>
    public IReadOnlyList<Diagnostic> Problems { get; }

    /// <summary>How many transformed classes were read.</summary>
    public int Count => _byName.Count;

    /// <summary>Reads every class of <paramref name="artifact"/>; the first dump of a name wins.</summary>
    public static TransformedClassSet Read(Artifact artifact)
    {
        var problems = new List<Diagnostic>();
        var byName = new Dictionary<string, TransformedClass>(StringComparer.Ordinal);
        foreach (var entry in artifact.ClassEntries)
        {
            try
            {
                using var bytes = entry.Read();
                var copy = bytes.Span.ToArray();
                var parsed = JavaClass.Parse(copy);
                byName.TryAdd(parsed.Name, new TransformedClass(entry.Location, copy, parsed));
            }
            catch (ClassFormatException e)
            {
                problems.Add(InputDiagnostics.Unreadable(artifact.InputPath, entry.Location, e.Offset, e.Message));
            }
            catch (EntryReadException e)
            {
                problems.Add(InputDiagnostics.Unreadable(artifact.InputPath, entry.Location, e.Offset ?? 0, e.Message));
            }
        }
        return new TransformedClassSet(artifact.InputPath, byName, problems);
    }

    /// <summary>
    /// The dump for a scanned entry path (<c>com/acme/Foo.class</c>); WAR and Spring Boot layouts keep
    /// classes under a folder, so <c>WEB-INF/classes/com/acme/Foo.class</c> matches <c>com/acme/Foo</c> too.
    /// </summary>
    public TransformedClass? Find(string entryPath)
    {
        string name = entryPath.EndsWith(".class", StringComparison.Ordinal) ? entryPath[..^6] : entryPath;
        if (_byName.TryGetValue(name, out var dump)) return dump;
        foreach (var prefix in (string[])["BOOT-INF/classes/", "WEB-INF/classes/", "classes/"])
            if (name.StartsWith(prefix, StringComparison.Ordinal) && _byName.TryGetValue(name[prefix.Length..], out dump)) return dump;
        return null;
    }

    /// <summary>Records that a dump met its original; <paramref name="changed"/> when the bytes differ (a pair to merge).</summary>
    public void MarkMatched(TransformedClass dump, bool changed)
    {
        _matched.TryAdd(dump.Class.Name, true);
        if (changed) Interlocked.Increment(ref _pairs);
    }

    /// <summary>Dumps read, changed pairs merged, and dumps with no scanned original.</summary>
    public PairModeSummary Summary() => new(InputPath, Count, _pairs, Count - _matched.Count);
}

/// <summary>One class as an agent wrote it.</summary>
public sealed record TransformedClass(string Location, byte[] Bytes, JavaClass Class);

/// <summary>What pair mode did: dumps read, changed pairs merged, dumps without a scanned original.</summary>
public sealed record PairModeSummary(string Path, int TransformedClasses, int Pairs, int Unmatched);
