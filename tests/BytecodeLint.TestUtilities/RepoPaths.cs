using System.Runtime.CompilerServices;

namespace BytecodeLint.TestUtilities;

/// <summary>Locates the repository and the sibling <c>shared/</c> folder from any test's working directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the folder holding BytecodeLint.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>samples/</c> in the repository.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary><c>../shared</c> beside the repository (design docs, oracle cases, logs); may be absent.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BytecodeLint.sln")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find BytecodeLint.sln above " + AppContext.BaseDirectory);
    }
}
