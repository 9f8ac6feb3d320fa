using System.Diagnostics;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.Analysis.Inventory;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Fuzz;

/// <summary>Rescans one saved fuzz input with first-chance stack traces, to find where a rule or reader threw.</summary>
public static class Replay
{
    public static int Run(string path, TextWriter log)
    {
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is ClassFormatException or InputException or EntryReadException or OperationCanceledException or InvalidDataException) return;
            lock (log) log.WriteLine($"first chance: {e.Exception.GetType().Name}: {e.Exception.Message}\n{new StackTrace(1, true)}");
        };
        var clock = Stopwatch.StartNew();
        var result = new ScanEngine(RuleRegistry.CreateAnalyzers(), maxDegreeOfParallelism: 1).Scan([path]);
        foreach (var error in result.InputErrors) log.WriteLine($"scan: unreadable input {error.Path}: {error.Message}");
        foreach (var input in result.Inputs)
            log.WriteLine($"scan: {clock.Elapsed.TotalSeconds:F2} s, {input.ClassEntries} entries, {input.Classes} parsed, {input.NestedArchives} nested archives");
        foreach (var group in result.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            log.WriteLine($"  {group.Key}: {group.Count()}  e.g. {group.First().Location.Entry}: {group.First().Message}");
        clock.Restart();
        var inventory = InputInventory.Scan(path, withDetails: true, maxDegreeOfParallelism: 1);
        log.WriteLine($"inspect: {clock.Elapsed.TotalSeconds:F2} s, {inventory.Problems.Count} problems");
        return 0;
    }
}
