namespace BytecodeLint.Analysis.Configuration;

/// <summary>One <c>key = value</c> line of a global config file. Keys are lower-cased (as Roslyn does); values are trimmed.</summary>
public sealed record ConfigEntry(string Key, string Value, string File, int Line)
{
    public string Where => $"{File}:{Line}";
}
