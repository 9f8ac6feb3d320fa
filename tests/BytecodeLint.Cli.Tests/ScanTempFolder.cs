namespace BytecodeLint.Cli.Tests;

/// <summary>A temporary folder deleted at dispose, for config, baseline and report files.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("bl-ci5-").FullName;

    public string Path { get; }

    public string File(string name, string? content = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        if (content is not null) System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, true); }
        catch (IOException) { }
    }
}
