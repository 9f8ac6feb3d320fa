namespace BytecodeLint.Analysis.Configuration;

/// <summary>A bad configuration file or value; the message names the file and line (<c>path:line: why</c>).</summary>
public sealed class ConfigException(string message) : Exception(message)
{
    public static ConfigException At(string file, int line, string why) => new($"{file}:{line}: {why}");
}
