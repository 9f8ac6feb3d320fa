using System.Diagnostics;
using System.Globalization;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Terminal;

/// <summary>
/// A one-line status on standard error while a scan runs: inputs done, classes, MB/s and the input
/// being read, redrawn in place with a carriage return. It appears only once the scan has taken a
/// second (short scans stay silent) and erases itself when disposed, before any report is printed.
/// </summary>
public sealed class ProgressDisplay : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly ScanProgress _progress;
    private readonly TextWriter _stderr;
    private readonly int _inputs;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private int _drawnWidth;
    private bool _disposed;

    public ProgressDisplay(ScanProgress progress, TextWriter stderr, int inputs)
    {
        _progress = progress;
        _stderr = stderr;
        _inputs = inputs;
        _timer = new Timer(_ => Draw(), null, Delay, Interval);
    }

    /// <summary>The status text for the given counters (separate for tests).</summary>
    public static string Format(int inputsDone, int inputs, long classes, long bytes, TimeSpan elapsed, string? current)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        string name = current is null ? "" : " " + Path.GetFileName(current.TrimEnd('/', '\\'));
        return string.Create(CultureInfo.InvariantCulture,
            $"scanning [{Math.Min(inputsDone + 1, inputs)}/{inputs}]{name}: {classes:N0} classes, {bytes / 1e6 / seconds:F1} MB/s, {elapsed.TotalSeconds:F0} s");
    }

    internal void Draw()
    {
        lock (_lock)
        {
            if (_disposed) return;
            string line = Format(_progress.InputsDone, _inputs, _progress.Classes, _progress.Bytes, _clock.Elapsed, _progress.CurrentInput);
            int width = Math.Max(20, SafeWindowWidth() - 1);
            if (line.Length > width) line = line[..width];
            _stderr.Write("\r" + line.PadRight(_drawnWidth));
            _stderr.Flush();
            _drawnWidth = line.Length;
        }
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            if (_drawnWidth > 0)
            {
                _stderr.Write("\r" + new string(' ', _drawnWidth) + "\r");
                _stderr.Flush();
            }
        }
    }
}
