using System.Diagnostics;
using System.Globalization;
using BytecodeLint.Fuzz;

// bytecodelint-fuzz CLASSES SEED [--threads N] [--batch N] [--crashes DIR]
// bytecodelint-fuzz --replay FILE   (rescans a saved input, printing where unexpected exceptions are thrown and timings)
// Exit 0 when no input crashed, hung, failed a rule or grew memory without bound; 1 otherwise.
if (args.Length == 2 && args[0] == "--replay")
    return Replay.Run(args[1], Console.Out);
// bytecodelint-fuzz --profile FILE [PARALLELISM]   (per-rule wall, CPU and allocation on one input)
if (args.Length >= 2 && args[0] == "--profile")
    return RuleProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0, Console.Out);
if (args.Length < 2 || !long.TryParse(args[0], CultureInfo.InvariantCulture, out long classes) || !int.TryParse(args[1], CultureInfo.InvariantCulture, out int seed))
{
    Console.Error.WriteLine("usage: BytecodeLint.Fuzz CLASSES SEED [--threads N] [--batch N] [--crashes DIR]");
    return 2;
}

var options = new FuzzOptions { Classes = classes, Seed = seed, Log = Console.Out, CrashDirectory = "fuzz-crashes" };
for (int i = 2; i + 1 < args.Length; i += 2)
{
    options = args[i] switch
    {
        "--threads" => options with { Threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
        "--batch" => options with { BatchSize = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
        "--crashes" => options with { CrashDirectory = args[i + 1] },
        _ => throw new ArgumentException("unknown option " + args[i]),
    };
}

var corpus = FuzzCorpus.Load();
Console.WriteLine($"corpus: {corpus.Classes.Count} classes, {corpus.Jars.Count} jars; {classes:N0} mutated classes, seed {seed}, {options.Threads} threads, batches of {options.BatchSize}");
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var report = new Fuzzer(corpus, options).Run();
using var self = Process.GetCurrentProcess();
Console.WriteLine(report);
Console.WriteLine($"CPU {(self.TotalProcessorTime - cpu).TotalSeconds:F0} s, peak RSS {self.PeakWorkingSet64 >> 20} MiB, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
foreach (var failure in report.Failures)
    Console.WriteLine($"{failure.Kind} {failure.Input} -> {failure.SavedAs}: {failure.Detail.Split('\n')[0]}");
return report.Failures.Count == 0 ? 0 : 1;
