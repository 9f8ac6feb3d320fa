using System.Collections.Concurrent;

namespace BytecodeLint.Analysis.Engine;

/// <summary>
/// Live counters a scan updates while it runs, read by a progress display on another thread:
/// inputs finished, classes visited and class-file bytes read, and, once an input is opened, the
/// class bytes it holds (so a display can show a percentage) and which inputs are in progress.
/// Updates are atomic and cheap.
/// </summary>
public sealed class ScanProgress
{
    private int _inputsDone;
    private long _classes;
    private long _bytes;
    private long _expectedBytes;
    private readonly ConcurrentDictionary<string, long> _opened = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _active = new(StringComparer.Ordinal);

    public int InputsDone => Volatile.Read(ref _inputsDone);

    public long Classes => Interlocked.Read(ref _classes);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Uncompressed class bytes of every input opened so far (what <see cref="Bytes"/> will reach for them).</summary>
    public long ExpectedBytes => Interlocked.Read(ref _expectedBytes);

    /// <summary>The inputs opened so far with their class bytes.</summary>
    public IReadOnlyDictionary<string, long> OpenedInputs => new Dictionary<string, long>(_opened, StringComparer.Ordinal);

    /// <summary>The inputs opened and not yet finished (several when inputs are scanned side by side).</summary>
    public IReadOnlyCollection<string> ActiveInputs => [.. _active.Keys];

    /// <summary>The input started last (for display only; <see cref="ActiveInputs"/> names every input in progress).</summary>
    public string? CurrentInput { get; private set; }

    public void StartInput(string path) => CurrentInput = path;

    /// <summary>An input was opened and holds <paramref name="classBytes"/> uncompressed class bytes to read.</summary>
    public void InputOpened(string path, long classBytes)
    {
        _opened[path] = classBytes;
        _active[path] = 0;
        Interlocked.Add(ref _expectedBytes, classBytes);
    }

    public void InputDone() => Interlocked.Increment(ref _inputsDone);

    public void InputDone(string path)
    {
        _active.TryRemove(path, out _);
        InputDone();
    }

    public void ClassRead(long bytes)
    {
        Interlocked.Increment(ref _classes);
        Interlocked.Add(ref _bytes, bytes);
    }
}
