using System.Collections.Immutable;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Fuzz;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests;

/// <summary>
/// The deterministic slice of the mutation fuzzer (scripts/fuzz.sh runs the long one): a fixed seed's
/// mutated classes and hostile archives must all end in findings or BL9xxx diagnostics.
/// </summary>
public sealed class FuzzSliceTests
{
    private static readonly Lazy<FuzzCorpus> Corpus = new(FuzzCorpus.Load);

    private static FuzzOptions Slice(int seed, long classes) => new()
    {
        Seed = seed,
        Classes = classes,
        BatchSize = 250,
        TempDirectory = Path.Combine(Path.GetTempPath(), $"bytecodelint-fuzz-test-{Environment.ProcessId}-{seed}-{Guid.NewGuid():N}"),
    };

    [Fact]
    public void A_fixed_slice_of_mutated_classes_and_archives_neither_crashes_nor_hangs()
    {
        var report = new Fuzzer(Corpus.Value, Slice(seed: 20261122, classes: 2000)).Run();

        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Select(f => $"{f.Kind} {f.Input}: {f.Detail}")));
        Assert.Equal(2000, report.MutatedClasses);
        Assert.Equal(8, report.MutatedArchives);
        // The slice is only worth its time if mutants get past the parser into the rules, and others do not.
        Assert.InRange(report.ParsedClasses, 100, 1999);
        Assert.True(report.Bl9Diagnostics > 0);
    }

    [Fact]
    public void A_rule_that_throws_is_reported_as_a_failure_not_counted_as_a_diagnostic()
    {
        var report = new Fuzzer(Corpus.Value, Slice(seed: 3, classes: 250) with { ArchiveEvery = int.MaxValue },
            () => [.. RuleRegistry.CreateAnalyzers(), new ThrowingAnalyzer()]).Run();

        Assert.Contains(report.Failures, f => f.Kind == FailureKind.RuleFailed && f.Detail.Contains("BL0999", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_makes_the_same_mutants_and_another_seed_other_ones()
    {
        byte[] seed = Corpus.Value.Classes[0], other = Corpus.Value.Classes[^1];
        var first = Enumerable.Range(0, 50).Select(i => ClassMutator.Mutate(seed, other, new Random(i))).ToList();
        var again = Enumerable.Range(0, 50).Select(i => ClassMutator.Mutate(seed, other, new Random(i))).ToList();
        var shifted = Enumerable.Range(50, 50).Select(i => ClassMutator.Mutate(seed, other, new Random(i))).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, shifted);
        Assert.True(first.Count(m => !m.AsSpan().SequenceEqual(seed)) >= 45, "mutants should differ from their seed");
    }

    /// <summary>
    /// A seed must name the same inputs in every process (the long run's note quotes one), so the
    /// batch seeds are pinned to values computed outside .NET (a Python SplitMix64 finaliser); a
    /// per-process randomised hash such as HashCode.Combine would pass any in-process check.
    /// </summary>
    [Theory]
    [InlineData(20261122L, 0L, Fuzzer.ClassSalt, -1531981701)]
    [InlineData(20261122L, 1999L, Fuzzer.ArchiveSalt, -1083426997)]
    [InlineData(7L, 5L, Fuzzer.ClassSalt, -560529103)]
    public void Batch_seeds_are_the_same_in_every_process(long seed, long batch, int salt, int expected) =>
        Assert.Equal(expected, Fuzzer.BatchSeed(seed, batch, salt));

    [Fact]
    public void A_nesting_bomb_deeper_than_the_limit_is_reported_as_a_limit_not_followed()
    {
        byte[] bomb = ArchiveMutator.NestingBomb(Corpus.Value.Classes[0], depth: 12, TestUtilities.ZipMethod.Stored);
        string path = Path.Combine(Path.GetTempPath(), $"bytecodelint-bomb-{Guid.NewGuid():N}.jar");
        File.WriteAllBytes(path, bomb);
        try
        {
            var result = new ScanEngine(RuleRegistry.CreateAnalyzers()).Scan([path]);
            Assert.Contains(result.Diagnostics, d => d.Id == InputDiagnostics.LimitExceeded.Id);
            Assert.Equal(8, result.Inputs[0].NestedArchives);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class ThrowingAnalyzer : BytecodeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            [new DiagnosticDescriptor("BL0999", "throws", "throws", Categories.Retransform, Severity.Warning, true, "A rule that always throws.")];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterClassAction(_ => throw new InvalidOperationException("deliberate"));
    }
}
