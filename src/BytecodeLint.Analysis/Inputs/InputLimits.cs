namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Bounds that stop a hostile input (zip bomb, endless nesting, overlapping entries) without losing the
/// rest of the scan: an entry or nested archive that would cross one is skipped and reported as an
/// <see cref="InputProblemKind.LimitExceeded"/> problem. The defaults are far above anything real
/// (a 100 MB Spring Boot fat jar, the JDK's jmods, kotlin-compiler with 30,000 entries).
/// </summary>
/// <param name="MaxNestingDepth">How many archive levels may sit inside the top-level input
/// (<c>app.jar!/lib/x.jar</c> is depth 1; a jar file inside a scanned directory is depth 1 too).</param>
/// <param name="MaxClassEntryBytes">Largest uncompressed size accepted for one <c>.class</c> entry
/// (the class-file format itself cannot usefully exceed a few MiB).</param>
/// <param name="MaxNestedArchiveBytes">Largest uncompressed size accepted for one nested jar.</param>
/// <param name="MaxTotalInflatedBytes">Budget of bytes that may be inflated for one top-level input,
/// summed over the declared sizes of every DEFLATED class entry, nested jar and manifest it contains.
/// Reading never produces more than an entry's declared size, so the budget bounds the real work.</param>
/// <param name="MaxCompressionRatio">Largest uncompressed/compressed ratio accepted for an entry larger
/// than <see cref="CompressionRatioThresholdBytes"/> (DEFLATE tops out near 1032:1; real class files
/// and jars compress 2:1 to 20:1).</param>
public sealed record InputLimits(
    int MaxNestingDepth,
    long MaxClassEntryBytes,
    long MaxNestedArchiveBytes,
    long MaxTotalInflatedBytes,
    double MaxCompressionRatio)
{
    /// <summary>8 levels, 64 MiB per class, 512 MiB per nested jar, 8 GiB inflated per input, 1000:1.</summary>
    public static InputLimits Default { get; } = new(
        MaxNestingDepth: 8,
        MaxClassEntryBytes: 64L << 20,
        MaxNestedArchiveBytes: 512L << 20,
        MaxTotalInflatedBytes: 8L << 30,
        MaxCompressionRatio: 1000);

    /// <summary>Entries up to this uncompressed size are never rejected for their ratio (default 1 MiB):
    /// tiny entries of zeros compress extremely well and are harmless.</summary>
    public long CompressionRatioThresholdBytes { get; init; } = 1L << 20;

    /// <summary>
    /// Most central-directory records read for one top-level input, over all its archives (default
    /// 2,000,000; kotlin-compiler has ~30,000). STORED nested jars cost no inflation, so without this
    /// bound a small archive whose entries all point at the same nested jar, nested again, could make
    /// the walk exponential.
    /// </summary>
    public long MaxTotalEntries { get; init; } = 2_000_000;
}
