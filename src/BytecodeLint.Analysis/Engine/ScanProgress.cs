namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Live counters a scan updates while it runs, read by a progress display on another thread:
/// inputs finished, classes visited and class-file bytes read. Updates are atomic and cheap.
/// </summary>
public sealed class ScanProgress
{
    private int _inputsDone;
    private long _classes;
    private long _bytes;
    private long _plannedBytes;

    public int InputsDone => Volatile.Read(ref _inputsDone);

    public long Classes => Interlocked.Read(ref _classes);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Class-file bytes of the inputs opened so far (each input adds its total when it is opened).</summary>
    public long PlannedBytes => Interlocked.Read(ref _plannedBytes);

    /// <summary>The input being read (for display only).</summary>
    public string? CurrentInput { get; private set; }

    public void StartInput(string path) => CurrentInput = path;

    public void InputDone() => Interlocked.Increment(ref _inputsDone);

    /// <summary>An input was opened and will read this many class-file bytes.</summary>
    public void Planned(long bytes) => Interlocked.Add(ref _plannedBytes, bytes);

    public void ClassRead(long bytes)
    {
        Interlocked.Increment(ref _classes);
        Interlocked.Add(ref _bytes, bytes);
    }
}
