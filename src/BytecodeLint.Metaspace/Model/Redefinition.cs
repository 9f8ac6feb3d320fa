namespace BytecodeLint.Metaspace.Model;

/// <summary>
/// One class redefinition as <c>-Xlog:redefine+class+constantpool</c> prints it: the running pool length
/// (<c>old_cp_len</c>), the scratch class's, the merged pool's and the index map's, plus the count of
/// <c>ldc->ldc_w</c> widenings (trace level). The class name is only printed by other tags
/// (<c>redefine+class+load</c>); without it the analysis links redefinitions by pool length.
/// </summary>
public sealed record Redefinition
{
    public required LogPosition Position { get; init; }

    /// <summary>0-based order among the redefinitions of the same input.</summary>
    public required int Index { get; init; }

    public double? UptimeSeconds { get; init; }
    public int? OldCpLength { get; init; }
    public int? ScratchCpLength { get; init; }
    public int? MergeCpLength { get; set; }
    public int? IndexMapLength { get; set; }
    public int Widenings { get; set; }
    public string? ClassName { get; set; }

    /// <summary>The JVM's own redefinition count of the class (<c>redefined name=…, count=N</c>), when logged.</summary>
    public int? JvmCount { get; set; }

    /// <summary>JDK 22+ "Merged constant pool overflow": the redefinition was dropped.</summary>
    public bool Overflowed { get; set; }

    /// <summary>Entries the merge appended; null when a length is missing.</summary>
    public int? Growth => MergeCpLength is { } merge && OldCpLength is { } old ? merge - old : null;
}
