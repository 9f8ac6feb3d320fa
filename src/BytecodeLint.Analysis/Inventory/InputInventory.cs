using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Inventory;

/// <summary>
/// The inventory of one command-line input: every class entry read, parsed and counted (nested jars
/// counted into their outer input), the problems met inside it, and — on request — every
/// Throwable handler. Entries are processed in parallel into per-thread counts merged at the end;
/// every count is order-independent and problems/details are sorted by entry, so the result is the
/// same for any degree of parallelism.
/// </summary>
public sealed class InputInventory
{
    private InputInventory(string path, InventoryCounts counts, IReadOnlyList<InventoryProblem> problems, IReadOnlyList<ThrowableHandlerDetail> details)
    {
        Path = path;
        Counts = counts;
        Problems = problems;
        ThrowableHandlerDetails = details;
    }

    /// <summary>The input path as given.</summary>
    public string Path { get; }

    public InventoryCounts Counts { get; }

    /// <summary>Enumeration problems of the input, then unreadable or malformed class entries in entry order.</summary>
    public IReadOnlyList<InventoryProblem> Problems { get; }

    /// <summary>Every Throwable handler in entry order (empty unless requested).</summary>
    public IReadOnlyList<ThrowableHandlerDetail> ThrowableHandlerDetails { get; }

    /// <summary>Scans <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The input itself cannot be read.</exception>
    public static InputInventory Scan(string path, bool withDetails = false, InputLimits? limits = null, int maxDegreeOfParallelism = -1)
    {
        using var artifact = Artifact.Open(path, limits);
        var entries = artifact.ClassEntries;
        var total = new InventoryCounts { NestedJars = artifact.NestedArchives };
        var problems = new List<(int Entry, InventoryProblem Problem)>();
        var details = new List<(int Entry, ThrowableHandlerDetail Detail)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };

        Parallel.For(0, entries.Count, options,
            () => new Worker(withDetails),
            (i, _, worker) =>
            {
                worker.Process(i, entries[i]);
                return worker;
            },
            worker =>
            {
                lock (total)
                {
                    total.Add(worker.Counts);
                    problems.AddRange(worker.Problems);
                    details.AddRange(worker.Details);
                }
            });

        var allProblems = artifact.Problems.Select(p => new InventoryProblem(p.Location, p.Offset, p.Message))
            .Concat(problems.OrderBy(p => p.Entry).Select(p => p.Problem))
            .ToList();
        var allDetails = details.OrderBy(d => d.Entry).Select(d => d.Detail).ToList(); // stable: keeps in-class order
        return new InputInventory(path, total, allProblems, allDetails);
    }

    /// <summary>Per-thread state: counts, scratch buffers and what went wrong where.</summary>
    private sealed class Worker(bool withDetails)
    {
        private readonly ClassInventory _inventory = new();
        private readonly List<ThrowableHandlerDetail>? _classDetails = withDetails ? [] : null;

        public InventoryCounts Counts { get; } = new();

        public List<(int Entry, InventoryProblem Problem)> Problems { get; } = [];

        public List<(int Entry, ThrowableHandlerDetail Detail)> Details { get; } = [];

        public void Process(int index, ClassEntry entry)
        {
            Counts.ClassEntries++;
            Counts.ClassBytes += entry.UncompressedSize;
            try
            {
                using var bytes = entry.Read();
                var javaClass = JavaClass.Parse(bytes.Memory);
                _classDetails?.Clear();
                _inventory.Count(javaClass, entry.IsVersioned, Counts, _classDetails != null ? entry.Location : "", _classDetails);
                if (_classDetails != null)
                    foreach (var detail in _classDetails) Details.Add((index, detail));
            }
            catch (ClassFormatException e)
            {
                Problems.Add((index, new InventoryProblem(entry.Location, e.Offset, e.Message)));
            }
            catch (EntryReadException e)
            {
                Problems.Add((index, new InventoryProblem(e.Location, e.Offset, e.Reason)));
            }
        }
    }
}
