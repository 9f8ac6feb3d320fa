namespace BytecodeLint.Metaspace.Analysis;

/// <summary>The overall answer to "is Metaspace leaking?".</summary>
public enum LeakVerdict
{
    /// <summary>Too little data to say.</summary>
    Inconclusive,

    /// <summary>Retained Metaspace stays level.</summary>
    NoLeak,

    /// <summary>Retained Metaspace keeps growing, collections do not reclaim it, or Metaspace ran out.</summary>
    Leak,
}
