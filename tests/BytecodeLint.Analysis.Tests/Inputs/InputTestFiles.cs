using System.Text;
using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Tests.Inputs;

/// <summary>
/// A temporary folder for one test's input files (tests may write inputs to disk; the product never
/// extracts anything), and small helpers shared by the Inputs tests.
/// </summary>
internal sealed class InputTestFiles : IDisposable
{
    public InputTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "bl-inputs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="bytes"/> to a file under the root and returns its path.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Fake class bytes: the CAFEBABE magic then the name repeated (so it deflates), distinct per name.</summary>
    public static byte[] ClassBytes(string name) =>
        [0xCA, 0xFE, 0xBA, 0xBE, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(name + ";", 20)))];

    /// <summary>The bytes <see cref="ClassEntry.Read"/> produces, copied out.</summary>
    public static byte[] ReadAll(ClassEntry entry)
    {
        using EntryBytes bytes = entry.Read();
        return bytes.Span.ToArray();
    }
}
