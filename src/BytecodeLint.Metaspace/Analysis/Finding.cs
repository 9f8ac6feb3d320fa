namespace BytecodeLint.Metaspace.Analysis;

/// <summary>A fragmentation or snapshot observation, with the numbers behind it.</summary>
public sealed record Finding(string Kind, string Message, string Where, IReadOnlyDictionary<string, double> Numbers);
