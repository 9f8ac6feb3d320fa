namespace BytecodeLint.Metaspace.Analysis;

/// <summary>How a class's constant pool changes from one redefinition to the next.</summary>
public enum PoolGrowthPattern
{
    /// <summary>The merged pool equals the old one: the merge found every entry.</summary>
    None,

    /// <summary>The same number of entries appended every time (catch (Throwable) pre-resolution: +2).</summary>
    Constant,

    /// <summary>The appended count doubles every time (NaN constants never compare equal).</summary>
    Doubling,

    /// <summary>Growth without either shape (different transformers, a one-off enhancement).</summary>
    Irregular,
}
