namespace BytecodeLint.Metaspace.Analysis;

/// <summary>The constant-pool history of one class across its redefinitions, and the rule that explains it.</summary>
public sealed record ClassPoolHistory
{
    /// <summary>The class name when the log or the supplied classes name it, else a description by pool length.</summary>
    public required string Label { get; init; }

    public string? ClassName { get; init; }

    /// <summary>The name, or "the class with initial pool N" when the name is unknown.</summary>
    public string ShortName => ClassName ?? (FirstPoolLength is { } n ? $"the class with initial pool {n:N0}" : "an unnamed class");

    /// <summary>Where the name came from: "log", "class files (pool length)", or null.</summary>
    public string? NameSource { get; init; }

    /// <summary>Other supplied classes with the same initial pool length (the match was ambiguous).</summary>
    public IReadOnlyList<string> OtherCandidates { get; init; } = [];

    public required int Redefinitions { get; init; }
    public int? FirstPoolLength { get; init; }
    public int? LastPoolLength { get; init; }

    /// <summary>Entries appended by the typical (median) redefinition.</summary>
    public int? TypicalGrowth { get; init; }

    /// <summary>Share of redefinitions that appended exactly <see cref="TypicalGrowth"/>.</summary>
    public double TypicalShare { get; init; }

    public required PoolGrowthPattern Pattern { get; init; }
    public int Widenings { get; init; }
    public int MaxWideningsPerRedefinition { get; init; }
    public int? LastIndexMapLength { get; init; }
    public bool Overflowed { get; init; }

    /// <summary>The hazard whose pattern explains this growth, or null.</summary>
    public PoolHazard? Hazard { get; init; }

    /// <summary>The id of the rule that finds <see cref="Hazard"/> in bytecode (named by the host), or null.</summary>
    public string? RuleId { get; init; }

    public string? Explanation { get; init; }

    /// <summary>docs/design/hotspot.md §2's estimate (28 B·cp0·N + 34 B·N²) for BL0001 growth, bytes.</summary>
    public double? LawEstimateBytes { get; init; }

    /// <summary>Bytes freed per ldc widening between the VM.metaspace reports around these redefinitions (the size of one method copy), or null.</summary>
    public double? BytesPerWidening { get; init; }

    /// <summary>Global indices (in <see cref="Model.MetaspaceLog.Redefinitions"/>) of this class's redefinitions, in order.</summary>
    public required IReadOnlyList<int> RedefinitionIndices { get; init; }
}
