namespace BytecodeLint.Metaspace.Analysis;

/// <summary>The law a Metaspace series follows.</summary>
public enum GrowthShape
{
    /// <summary>No meaningful growth over the observed range.</summary>
    Flat,

    /// <summary>y = a + b·x: a fixed cost per retransform or per second.</summary>
    Linear,

    /// <summary>y = a + b·x + c·x²: the JDK-8308762 law (docs/design/hotspot.md §2), each retransform copies a pool that grows by a constant.</summary>
    Quadratic,

    /// <summary>y = c + a·e^(k·x): a pool that doubles on every retransform (NaN constants, docs/design/hotspot.md §5).</summary>
    Exponential,
}
