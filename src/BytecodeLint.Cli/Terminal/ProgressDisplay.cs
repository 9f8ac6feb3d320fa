using System.Diagnostics;
using System.Globalization;
using BytecodeLint.Analysis;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Cli.Terminal;

/// <summary>
/// A one-line status on standard error while a scan runs: a bar and percentage of class bytes read,
/// inputs done, the inputs in progress, classes, MB/s, time spent and time left, redrawn in place
/// with a carriage return. It appears only once the scan has taken a second (short scans stay silent)
/// and erases itself when disposed, before any report is printed.
/// </summary>
/// <remarks>
/// Written by hand rather than with Spectre.Console's Progress: one line, no dependency to trim for
/// Native AOT, and the caller keeps writing notes to the same standard error.
/// The total is exact once every input is open (the engine reports each input's class bytes as it
/// opens it); before that, inputs not yet opened are estimated from their size on disk, scaled by
/// what the opened ones held per byte on disk.
/// </remarks>
public sealed class ProgressDisplay : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private const int BarWidth = 20;

    private readonly ScanProgress _progress;
    private readonly TextWriter _stderr;
    private readonly IReadOnlyList<string> _inputs;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private Dictionary<string, long>? _diskSizes;
    private int _drawnWidth;
    private bool _disposed;

    public ProgressDisplay(ScanProgress progress, TextWriter stderr, IReadOnlyList<string> inputs)
    {
        _progress = progress;
        _stderr = stderr;
        _inputs = inputs;
        _timer = new Timer(_ => Draw(), null, Delay, Interval);
    }

    /// <summary>What is known of a scan at one moment (separate from the counters so tests can build it).</summary>
    public sealed record Snapshot(int InputsDone, int Inputs, long Classes, long Bytes, double? Fraction, TimeSpan Elapsed, IReadOnlyList<string> Active);

    /// <summary>The status text (separate for tests).</summary>
    public static string Format(Snapshot s)
    {
        double seconds = Math.Max(s.Elapsed.TotalSeconds, 0.001);
        var text = new System.Text.StringBuilder("scanning ");
        if (s.Fraction is { } f)
        {
            int filled = (int)Math.Round(f * BarWidth);
            text.Append('[').Append('#', filled).Append('.', BarWidth - filled).Append("] ")
                .Append(string.Create(CultureInfo.InvariantCulture, $"{f * 100,3:F0}% "));
        }
        text.Append(string.Create(CultureInfo.InvariantCulture, $"[{Math.Min(s.InputsDone + 1, s.Inputs)}/{s.Inputs}]"));
        if (s.Active.Count > 0)
        {
            text.Append(' ').Append(Path.GetFileName(s.Active[0].TrimEnd('/', '\\')));
            if (s.Active.Count > 1) text.Append(string.Create(CultureInfo.InvariantCulture, $" +{s.Active.Count - 1}"));
        }
        text.Append(string.Create(CultureInfo.InvariantCulture, $": {s.Classes:N0} classes, {s.Bytes / 1e6 / seconds:F1} MB/s, {s.Elapsed.TotalSeconds:F0} s"));
        if (Remaining(s.Fraction, s.Elapsed) is { } left) text.Append(", ").Append(Duration(left)).Append(" left");
        return text.ToString();
    }

    /// <summary>
    /// Fraction of the class bytes read, at most 0.99 until the scan ends, or null while nothing is open.
    /// <paramref name="openedDiskBytes"/> and <paramref name="allDiskBytes"/> are the inputs' sizes on disk.
    /// </summary>
    public static double? Fraction(long bytesRead, long expectedOpened, long openedDiskBytes, long allDiskBytes, bool allOpened)
    {
        double total = allOpened ? expectedOpened
            : openedDiskBytes > 0 ? expectedOpened * ((double)allDiskBytes / openedDiskBytes)
            : 0;
        if (total <= 0) return null;
        return Math.Clamp(bytesRead / total, 0, 0.99);
    }

    /// <summary>Time left at the rate so far; null until the estimate means something (2 s and 1 % in).</summary>
    public static TimeSpan? Remaining(double? fraction, TimeSpan elapsed) =>
        fraction is { } f && f >= 0.01 && elapsed >= TimeSpan.FromSeconds(2)
            ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - f) / f)
            : null;

    private static string Duration(TimeSpan t) => t.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"about {Math.Max(1, Math.Ceiling(t.TotalSeconds)):F0} s")
        : string.Create(CultureInfo.InvariantCulture, $"about {(int)t.TotalMinutes}:{t.Seconds:00}");

    internal Snapshot Take()
    {
        // Sizes on disk are read on the timer thread, once, so a scan that ends within a second never pays for them.
        _diskSizes ??= _inputs.Distinct(StringComparer.Ordinal).ToDictionary(p => p, DiskSize, StringComparer.Ordinal);
        var opened = _progress.OpenedInputs;
        long openedDisk = opened.Keys.Sum(p => _diskSizes.GetValueOrDefault(p));
        bool allOpened = _diskSizes.Keys.All(opened.ContainsKey);
        var fraction = Fraction(_progress.Bytes, _progress.ExpectedBytes, openedDisk, _diskSizes.Values.Sum(), allOpened);
        var active = _progress.ActiveInputs.ToHashSet(StringComparer.Ordinal);
        return new Snapshot(_progress.InputsDone, _inputs.Count, _progress.Classes, _progress.Bytes, fraction, _clock.Elapsed,
            [.. _inputs.Where(active.Contains).Distinct(StringComparer.Ordinal)]);
    }

    private static long DiskSize(string path)
    {
        try
        {
            if (File.Exists(path)) return new FileInfo(path).Length;
            if (Directory.Exists(path))
                return new DirectoryInfo(path).EnumerateFiles("*.class", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Sum(f => f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable input is the scan's to report; it just counts for nothing here.
        }
        return 0;
    }

    internal void Draw()
    {
        lock (_lock)
        {
            if (_disposed) return;
            string line = Format(Take());
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
