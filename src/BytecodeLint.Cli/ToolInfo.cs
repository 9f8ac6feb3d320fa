using System.Reflection;

namespace BytecodeLint.Cli;

/// <summary>The tool's name and version as reported in every output format.</summary>
public static class ToolInfo
{
    public const string Name = "bytecodelint";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
