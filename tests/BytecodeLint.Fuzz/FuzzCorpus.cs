using System.IO.Compression;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Fuzz;

/// <summary>
/// The seeds mutations start from: real class files (the committed samples, the oracle cases, and the
/// classes inside the sample jars) and the sample jars themselves. Loaded in sorted order so a seed
/// number always means the same mutations.
/// </summary>
public sealed class FuzzCorpus
{
    private FuzzCorpus(IReadOnlyList<byte[]> classes, IReadOnlyList<byte[]> jars)
    {
        Classes = classes;
        Jars = jars;
    }

    public IReadOnlyList<byte[]> Classes { get; }

    public IReadOnlyList<byte[]> Jars { get; }

    /// <summary>The repository's samples and the committed oracle cases (<c>tests/TestData/oracle/cases</c>).</summary>
    public static FuzzCorpus Load()
    {
        var classFiles = new List<string>();
        foreach (string dir in new[] { Path.Combine(RepoPaths.Samples, "java", "classes"), RepoPaths.OracleCases })
        {
            if (Directory.Exists(dir))
                classFiles.AddRange(Directory.EnumerateFiles(dir, "*.class", SearchOption.AllDirectories));
        }
        classFiles.Sort(StringComparer.Ordinal);
        var classes = classFiles.Select(File.ReadAllBytes).ToList();

        string jarDir = Path.Combine(RepoPaths.Samples, "java", "jars");
        var jarFiles = Directory.Exists(jarDir)
            ? Directory.EnumerateFiles(jarDir).Where(p => p.EndsWith(".jar", StringComparison.Ordinal) || p.EndsWith(".war", StringComparison.Ordinal)).ToList()
            : [];
        jarFiles.Sort(StringComparer.Ordinal);
        var jars = jarFiles.Select(File.ReadAllBytes).ToList();

        // The jars' classes are seeds too (read by the harness with the BCL, never written anywhere).
        foreach (byte[] jar in jars)
            classes.AddRange(ClassesIn(jar, depth: 0));
        if (classes.Count == 0 || jars.Count == 0)
            throw new InvalidOperationException($"fuzz corpus is empty: no classes or jars under {RepoPaths.Samples}");
        return new FuzzCorpus(classes, jars);
    }

    private static IEnumerable<byte[]> ClassesIn(byte[] jar, int depth)
    {
        using var archive = new ZipArchive(new MemoryStream(jar), ZipArchiveMode.Read);
        foreach (ZipArchiveEntry entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            bool isClass = entry.FullName.EndsWith(".class", StringComparison.Ordinal);
            bool isJar = entry.FullName.EndsWith(".jar", StringComparison.Ordinal) && depth < 2;
            if (!isClass && !isJar) continue;
            using var stream = entry.Open();
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (isClass)
            {
                yield return copy.ToArray();
            }
            else
            {
                foreach (byte[] nested in ClassesIn(copy.ToArray(), depth + 1))
                    yield return nested;
            }
        }
    }
}
