using System.Text;

namespace BytecodeLint.Cli;

/// <summary>Writes a report to a file (UTF-8, no BOM, LF) or to standard output.</summary>
internal static class OutputFile
{
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> write)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            write(stdout);
            return;
        }
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
            write(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"cannot write '{path}': {e.Message}");
        }
    }
}
