namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Lets inputs run side by side only while the bytes of the inputs in progress stay within a budget, so the
/// peak is set by the largest input rather than by which large inputs happen to meet: kotlin-compiler and
/// kotlin-compiler-embeddable (97 MB each, next to each other in a sorted list) peaked at 334 MB scanned
/// together and 230 MB one after the other. Side by side is for small inputs, which cannot keep the cores busy alone; a large
/// one fills them with its own classes. Inputs are admitted in the order they ask (a waiting large input is
/// not overtaken by small ones), and an input is always admitted when nothing else is running, so one larger
/// than the budget still runs, alone.
/// </summary>
internal sealed class InputAdmission(long budget)
{
    /// <summary>Bytes of inputs in progress at once (archives: their file size, mapped while they are scanned).</summary>
    public const long DefaultBudget = 64L << 20;

    private readonly object _gate = new();
    private long _inProgress;
    private int _running;
    private long _nextTicket;
    private long _serving;
    private readonly HashSet<long> _abandoned = [];

    public long Budget { get; } = budget > 0 ? budget : throw new ArgumentOutOfRangeException(nameof(budget));

    /// <summary>Waits until an input of <paramref name="bytes"/> may start.</summary>
    public void Enter(long bytes, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            long ticket = _nextTicket++;
            try
            {
                while (ticket != _serving || (_running > 0 && _inProgress + bytes > Budget))
                {
                    cancellation.ThrowIfCancellationRequested();
                    // Woken by every Exit and every admission; the timeout only re-checks the cancellation.
                    Monitor.Wait(_gate, TimeSpan.FromMilliseconds(100));
                }
            }
            catch
            {
                // A cancelled waiter gives its turn up, or everyone behind it would wait forever.
                if (ticket == _serving) _serving++;
                else _abandoned.Add(ticket);
                SkipAbandoned();
                Monitor.PulseAll(_gate);
                throw;
            }
            _serving++;
            SkipAbandoned();
            _running++;
            _inProgress += bytes;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>An input of <paramref name="bytes"/> admitted by <see cref="Enter"/> is done.</summary>
    public void Exit(long bytes)
    {
        lock (_gate)
        {
            _running--;
            _inProgress -= bytes;
            Monitor.PulseAll(_gate);
        }
    }

    private void SkipAbandoned()
    {
        while (_abandoned.Remove(_serving)) _serving++;
    }
}
