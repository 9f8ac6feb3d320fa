using System.Collections.Concurrent;
using System.Diagnostics;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Fuzz;

/// <summary>
/// Runs the fuzz loop: batches of mutated classes packed into STORED jars, and after every batch one
/// hostile archive, each scanned by a fresh <see cref="ScanEngine"/> with every shipped rule and by the
/// <c>inspect</c> inventory. Inputs are a pure function of (seed, batch number), so batches run in
/// parallel and any failure can be regenerated. The mutated jars are test inputs written to a scratch
/// folder; the product itself still never writes what it reads from an archive.
/// </summary>
public sealed class Fuzzer(FuzzCorpus corpus, FuzzOptions options, Func<IEnumerable<BytecodeAnalyzer>>? analyzers = null)
{
    private readonly Func<IEnumerable<BytecodeAnalyzer>> _analyzers = analyzers ?? RuleRegistry.CreateAnalyzers;
    private readonly ConcurrentBag<FuzzFailure> _failures = [];
    private long _classes, _archives, _parsed, _bl9, _findings, _peakManaged, _slowestTicksPerClass;

    public FuzzReport Run()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.TempDirectory);
        if (options.CrashDirectory != null) Directory.CreateDirectory(options.CrashDirectory);
        long batches = (options.Classes + options.BatchSize - 1) / options.BatchSize;
        long done = 0;
        long logEvery = Math.Max(1, batches / 50);
        try
        {
            Parallel.For(0L, batches, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, batch =>
            {
                RunBatch(batch);
                long finished = Interlocked.Increment(ref done);
                if (options.Log != null && finished % logEvery == 0)
                {
                    lock (options.Log)
                        options.Log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {finished}/{batches} batches, {Interlocked.Read(ref _classes):N0} classes, {_failures.Count} failures, {clock.Elapsed.TotalSeconds:F0} s");
                }
            });
        }
        finally
        {
            try { Directory.Delete(options.TempDirectory, recursive: true); } catch (IOException) { } // a hung scan may still hold a file
        }

        var failures = _failures.OrderBy(f => f.Input, StringComparer.Ordinal).ThenBy(f => f.Detail, StringComparer.Ordinal).ToList();
        return new FuzzReport(options.Seed, _classes, _archives, _parsed, _bl9, _findings, clock.Elapsed,
            (double)_slowestTicksPerClass / Stopwatch.Frequency, _peakManaged, failures);
    }

    /// <summary>Regenerates and scans batch number <paramref name="batch"/>.</summary>
    public void RunBatch(long batch)
    {
        var random = new Random(BatchSeed(options.Seed, batch, ClassSalt));
        int size = (int)Math.Min(options.BatchSize, options.Classes - batch * options.BatchSize);
        var jar = new ZipBuilder();
        for (int i = 0; i < size; i++)
        {
            byte[] seed = corpus.Classes[random.Next(corpus.Classes.Count)];
            byte[] other = corpus.Classes[random.Next(corpus.Classes.Count)];
            jar.Add($"f/C{i}.class", ClassMutator.Mutate(seed, other, random), ZipMethod.Stored);
        }
        string name = $"classes-seed{options.Seed}-batch{batch}.jar";
        var bound = options.PerClassBound * Math.Max(1, size);
        var elapsed = Check(name, jar.Build(), bound, classBatch: true);
        Interlocked.Add(ref _classes, size);
        if (size > 0) UpdateMax(ref _slowestTicksPerClass, elapsed.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond / size);

        if (batch % options.ArchiveEvery == 0)
        {
            var archiveRandom = new Random(BatchSeed(options.Seed, batch, ArchiveSalt));
            var (kind, bytes) = ArchiveMutator.Mutate(corpus, archiveRandom);
            Check($"{kind}-seed{options.Seed}-batch{batch}.jar", bytes, options.PerArchiveBound, classBatch: false);
            Interlocked.Increment(ref _archives);
        }
    }

    public const int ClassSalt = 0x5eed, ArchiveSalt = 0xa4c;

    /// <summary>
    /// The seed of one batch's generator: a fixed mix (SplitMix64's finaliser) of the run's seed, the
    /// batch number and a salt, so that a seed names the same inputs in every process.
    /// (HashCode.Combine, used before, is randomised per process: runs were not reproducible.)
    /// </summary>
    public static int BatchSeed(long seed, long batch, int salt)
    {
        ulong x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)batch * 0xC2B2AE3D27D4EB4FUL + (ulong)salt);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return (int)(x ^ (x >> 31));
    }

    /// <summary>Scans one input with the engine and the inventory under a time bound; records what fails.</summary>
    private TimeSpan Check(string name, byte[] bytes, TimeSpan bound, bool classBatch)
    {
        string path = Path.Combine(options.TempDirectory, name);
        File.WriteAllBytes(path, bytes);
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource();
        var task = Task.Factory.StartNew(() => Examine(name, path, classBatch, cancel.Token), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(bound))
        {
            cancel.Cancel();
            Fail(FailureKind.Hang, name, bytes, $"not finished after {bound.TotalSeconds:F0} s");
            return clock.Elapsed; // the scan's thread is abandoned; its file stays until the folder is deleted
        }
        var elapsed = clock.Elapsed;
        File.Delete(path);

        long managed = GC.GetTotalMemory(false);
        if (managed > options.MaxManagedBytes)
        {
            managed = GC.GetTotalMemory(true);
            if (managed > options.MaxManagedBytes)
                Fail(FailureKind.Memory, name, bytes, $"{managed >> 20} MiB managed after the scan");
        }
        UpdateMax(ref _peakManaged, managed);
        foreach (var (kind, detail) in task.Result) Fail(kind, name, bytes, detail);
        return elapsed;
    }

    private List<(FailureKind, string)> Examine(string name, string path, bool classBatch, CancellationToken cancel)
    {
        var problems = new List<(FailureKind, string)>();
        try
        {
            var engine = new ScanEngine(_analyzers(), maxDegreeOfParallelism: 1);
            ScanResult result = engine.Scan([path], cancel);
            // The whole input is unreadable: the CLI's exit 2 with a message, a handled outcome.
            if (result.InputErrors.Count > 0) return problems;
            var summary = result.Inputs[0];
            Interlocked.Add(ref _parsed, summary.Classes);
            int unreadable = 0;
            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.Id == InputDiagnostics.AnalyzerFailure.Id)
                    problems.Add((FailureKind.RuleFailed, $"{diagnostic.Location.Entry}: {diagnostic.Message}"));
                if (diagnostic.Id.StartsWith("BL9", StringComparison.Ordinal)) Interlocked.Increment(ref _bl9);
                else Interlocked.Increment(ref _findings);
                if (diagnostic.Id == InputDiagnostics.UnreadableClass.Id)
                {
                    unreadable++;
                    if (classBatch && !diagnostic.Properties.ContainsKey("offset"))
                        problems.Add((FailureKind.Unaccounted, $"{diagnostic.Location.Entry}: BL9001 without an offset: {diagnostic.Message}"));
                }
            }
            if (summary.Classes + summary.ParseErrors != summary.ClassEntries || unreadable < summary.ParseErrors)
                problems.Add((FailureKind.Unaccounted, $"{summary.ClassEntries} entries, {summary.Classes} parsed, {summary.ParseErrors} unreadable but {unreadable} BL9001"));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return problems; // already recorded as a hang
        }
        catch (Exception e)
        {
            problems.Add((FailureKind.Crash, "scan: " + e));
        }

        try
        {
            Analysis.Inventory.InputInventory.Scan(path, withDetails: true, maxDegreeOfParallelism: 1);
        }
        catch (InputException)
        {
        }
        catch (Exception e)
        {
            problems.Add((FailureKind.Crash, "inspect: " + e));
        }
        return problems;
    }

    private void Fail(FailureKind kind, string name, byte[] bytes, string detail)
    {
        string? saved = null;
        if (options.CrashDirectory != null)
        {
            saved = Path.Combine(options.CrashDirectory, name);
            File.WriteAllBytes(saved, bytes);
            File.AppendAllText(saved + ".txt", $"{kind}: {detail}\n");
        }
        _failures.Add(new FuzzFailure(kind, name, detail, saved));
        options.Log?.WriteLine($"FAIL {kind} {name}: {detail.Split('\n')[0]}");
    }

    private static void UpdateMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current) break;
        }
    }
}
