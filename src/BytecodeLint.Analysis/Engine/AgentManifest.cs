using BytecodeLint.Analysis.Inputs;

namespace BytecodeLint.Analysis.Engine;

/// <summary>Recognises java.lang.instrument agent jars by their manifest attributes.</summary>
public static class AgentManifest
{
    public static readonly string[] AgentAttributes = ["Premain-Class", "Agent-Class", "Launcher-Agent-Class"];

    public static bool IsAgent(ArchiveInfo archive) =>
        archive.ManifestAttributes is { } attributes && AgentAttributes.Any(attributes.ContainsKey);
}
