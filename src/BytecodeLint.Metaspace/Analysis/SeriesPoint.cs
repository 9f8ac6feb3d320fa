using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Analysis;

/// <summary>A Metaspace reading placed on the diagnosis's x axis.</summary>
public sealed record SeriesPoint(double X, MetaspaceSample Sample);
