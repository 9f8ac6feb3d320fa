using BytecodeLint.Analysis.Metaspace.Model;

namespace BytecodeLint.Analysis.Metaspace.Analysis;

/// <summary>A Metaspace reading placed on the diagnosis's x axis.</summary>
public sealed record SeriesPoint(double X, MetaspaceSample Sample);
