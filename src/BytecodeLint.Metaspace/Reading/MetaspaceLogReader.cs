using System.Text.RegularExpressions;
using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Reading;

/// <summary>
/// Streams GC logs (JDK 8 <c>PrintGCDetails</c>, JDK 9+ unified logging), redefinition logs and
/// <c>jcmd VM.metaspace</c> reports, any size, gzip or plain, into a <see cref="MetaspaceLog"/>.
/// Every line is classified (used, skipped, not understood); no line is fatal.
/// </summary>
public sealed partial class MetaspaceLogReader
{
    private readonly MetaspaceLog _log;
    private readonly string _source;
    private readonly LineStatistics _stats = new();
    private readonly Dictionary<int, GcCollection> _collectionsById = [];
    private readonly Queue<Redefinition> _awaitingRedefinedName = new();
    private Redefinition? _current;
    private string? _pendingLoadName;
    private VmMetaspaceSnapshot? _snapshot;
    private MetaspaceSample? _lastHeapPrintout;
    private LogPosition _position;

    private MetaspaceLogReader(MetaspaceLog log, string source)
    {
        _log = log;
        _source = source;
    }

    /// <summary>Reads each file in order into one <see cref="MetaspaceLog"/>.</summary>
    public static MetaspaceLog ReadFiles(IEnumerable<string> paths)
    {
        var log = new MetaspaceLog();
        foreach (var path in paths)
        {
            using var text = LogFile.OpenText(path);
            Read(text, path, log);
        }
        return log;
    }

    /// <summary>Reads <paramref name="text"/> (named <paramref name="source"/> in positions) into <paramref name="log"/>.</summary>
    public static void Read(TextReader text, string source, MetaspaceLog log)
    {
        var reader = new MetaspaceLogReader(log, source);
        log.Sources.Add(source);
        reader.ReadAll(text);
        log.Lines.Add(reader._stats);
    }

    private void ReadAll(TextReader text)
    {
        var lines = new BoundedLineReader(text);
        long number = 0;
        while (lines.ReadLine(out var cut) is { } physical)
        {
            number++;
            _stats.Lines++;
            _position = new LogPosition(_source, number);
            if (cut)
            {
                _stats.TooLong++;
                NotUnderstood(physical, $"line longer than {lines.MaxLineLength:N0} characters");
                continue;
            }
            var pieces = 0;
            foreach (var piece in LineSplitter.Split(physical))
            {
                pieces++;
                Classify(piece);
            }
            if (pieces > 1)
                _stats.Interleaved++;
        }
    }

    private void Classify(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            _stats.Skipped++;
            return;
        }
        var line = DecoratedLine.Parse(raw);
        var outcome = Interpret(line);
        switch (outcome)
        {
            case Outcome.Used: _stats.Used++; break;
            case Outcome.Skipped: _stats.Skipped++; break;
            default: NotUnderstood(raw, outcome == Outcome.Broken ? "incomplete record" : "unknown line"); break;
        }
    }

    private enum Outcome { Used, Skipped, Unknown, Broken }

    private Outcome Interpret(DecoratedLine line)
    {
        var msg = line.Message;
        if (string.IsNullOrWhiteSpace(msg))
            return Outcome.Skipped;

        if (line.HasTag("redefine") || IsRedefineMessage(msg))
            return InterpretRedefine(line);

        // Order matters: a JDK 8 GC record holds the cause and the Metaspace transition on one line.
        var gcOutcome = InterpretCollection(line);
        if (gcOutcome != Outcome.Unknown)
            return gcOutcome;

        if (InterpretOom(line))
            return Outcome.Used;

        if (InterpretHeapPrintout(line))
            return Outcome.Used;

        var snapshotOutcome = InterpretSnapshot(line);
        if (snapshotOutcome != Outcome.Unknown)
            return snapshotOutcome;

        if (InterpretSettings(line))
            return Outcome.Used;

        if (line.IsUnified)
        {
            // Any other unified line is recognised by its decorations; only Metaspace-tagged ones we cannot read count as not understood.
            if (line.HasTag("metaspace") && !IsKnownMetaspaceInfo(msg))
                return Outcome.Unknown;
            _snapshot = null;
            return Outcome.Skipped;
        }
        if (IsKnownJdk8Noise(msg))
            return Outcome.Skipped;
        return Outcome.Unknown;
    }

    private static bool IsRedefineMessage(string msg) =>
        msg.StartsWith("old_cp_len=", StringComparison.Ordinal) || msg.StartsWith("merge_cp_len=", StringComparison.Ordinal)
        || msg.Contains("->ldc_w@", StringComparison.Ordinal) || msg.StartsWith("redefined name=", StringComparison.Ordinal)
        || msg.StartsWith("loading name=", StringComparison.Ordinal);

    private Outcome InterpretRedefine(DecoratedLine line)
    {
        var msg = line.Message.Trim();
        Match m;
        if (msg.StartsWith("old_cp_len=", StringComparison.Ordinal))
        {
            if (!(m = OldCpLine().Match(msg)).Success)
                return Outcome.Broken;
            StartRedefinition(line, int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
            return Outcome.Used;
        }
        if (msg.StartsWith("merge_cp_len=", StringComparison.Ordinal))
        {
            if (!(m = MergeCpLine().Match(msg)).Success)
                return Outcome.Broken;
            // A merge line without its old_cp_len line (cut log) still counts as a redefinition of unknown class.
            if (_current == null || _current.MergeCpLength != null)
                StartRedefinition(line, null, null);
            _current!.MergeCpLength = int.Parse(m.Groups[1].Value);
            _current.IndexMapLength = int.Parse(m.Groups[2].Value);
            return Outcome.Used;
        }
        if (msg.Contains("->ldc_w@", StringComparison.Ordinal))
        {
            if (_current == null)
                return Outcome.Broken;
            _current.Widenings++;
            return Outcome.Used;
        }
        if ((m = RedefinedName().Match(msg)).Success)
        {
            // "redefined name=" comes after the merge, in the order the classes were loaded.
            if (_awaitingRedefinedName.TryDequeue(out var r))
            {
                r.ClassName ??= m.Groups[1].Value;
                r.JvmCount = int.Parse(m.Groups[2].Value);
            }
            return Outcome.Used;
        }
        if ((m = LoadingName().Match(msg)).Success)
        {
            _pendingLoadName = m.Groups[1].Value;
            return Outcome.Used;
        }
        if (msg.Contains("Merged constant pool overflow", StringComparison.Ordinal))
        {
            if (_current != null)
                _current.Overflowed = true;
            return Outcome.Used;
        }
        // Other redefine debug/trace detail (index maps, re-indexed ldc_w) is recognised but not needed.
        return Outcome.Skipped;
    }

    private void StartRedefinition(DecoratedLine line, int? oldLen, int? scratchLen)
    {
        _current = new Redefinition
        {
            Position = _position,
            Index = _log.Redefinitions.Count,
            UptimeSeconds = line.UptimeSeconds,
            OldCpLength = oldLen,
            ScratchCpLength = scratchLen,
            ClassName = _pendingLoadName,
        };
        _pendingLoadName = null;
        _log.Redefinitions.Add(_current);
        _awaitingRedefinedName.Enqueue(_current);
        // A lost "redefined name" line must not shift every later name onto the wrong class.
        while (_awaitingRedefinedName.Count > 64)
            _awaitingRedefinedName.Dequeue();
    }

    private Outcome InterpretCollection(DecoratedLine line)
    {
        var msg = line.Message;
        GcCollection? collection = null;
        var gcId = GcIdPattern().Match(msg);
        int? id = gcId.Success ? int.Parse(gcId.Groups[1].Value) : null;
        var used = false;

        if (id is { } gid)
        {
            var cause = GcCauseText.FromUnified(msg[(gcId.Index + gcId.Length)..].TrimStart());
            if (cause != null)
            {
                // GC ids restart at 0 when a new JVM appends to the same file.
                // (GC(0)'s start and end lines both name the cause, so only a GC(0) after GC(1…) is a new run.)
                if (gid == 0 && _collectionsById.Keys.Any(k => k > 0))
                    _collectionsById.Clear();
                collection = CollectionFor(gid, cause, line);
                used = true;
            }
        }
        else
        {
            var cause = GcCauseText.FromJdk8(msg, out _);
            if (cause != null)
            {
                collection = NewCollection(null, cause, line);
                used = true;
            }
        }

        var transition = msg.Contains("Metaspace:", StringComparison.Ordinal) ? MetaspaceTransition().Match(msg) : Match.Empty;
        if (transition.Success)
        {
            if (collection == null && id is { } tid)
                collection = CollectionFor(tid, null, line);
            AddTransition(line, transition, collection, id);
            return Outcome.Used;
        }
        if (msg.Contains("Metaspace:", StringComparison.Ordinal) && (line.HasTag("metaspace") || msg.Contains("[Metaspace:", StringComparison.Ordinal)))
            return Outcome.Broken;
        if (used)
            _snapshot = null;
        return used ? Outcome.Used : Outcome.Unknown;
    }

    private GcCollection CollectionFor(int id, string? cause, DecoratedLine line)
    {
        if (_collectionsById.TryGetValue(id, out var existing))
            return existing;
        return NewCollection(id, cause ?? "(cause not logged)", line);
    }

    private GcCollection NewCollection(int? id, string cause, DecoratedLine line)
    {
        var c = new GcCollection
        {
            Position = _position,
            GcId = id,
            Cause = cause,
            UptimeSeconds = line.UptimeSeconds,
            Time = line.Time,
            RedefinitionsBefore = _log.Redefinitions.Count,
        };
        if (id is { } key)
            _collectionsById[key] = c;
        _log.Collections.Add(c);
        return c;
    }

    private void AddTransition(DecoratedLine line, Match m, GcCollection? collection, int? id)
    {
        var usedBefore = Size(m, "ub");
        var usedAfter = Size(m, "ua");
        var hasCommitted = m.Groups["cb"].Success; // JDK 16+: used(committed); before: used->used(reserved)
        var paren = Size(m, "pa");
        var sample = new MetaspaceSample
        {
            Position = _position,
            Kind = SampleKind.AfterGc,
            UptimeSeconds = line.UptimeSeconds,
            Time = line.Time,
            GcId = id,
            Cause = collection?.Cause,
            UsedBeforeBytes = usedBefore,
            UsedBytes = usedAfter,
            CommittedBytes = hasCommitted ? paren : null,
            ReservedBytes = hasCommitted ? null : paren,
            ClassUsedBytes = m.Groups["cua"].Success ? Size(m, "cua") : null,
            ClassCommittedBytes = m.Groups["cca"].Success ? Size(m, "cca") : null,
            RedefinitionsBefore = _log.Redefinitions.Count,
        };
        _log.Samples.Add(sample);
        if (collection != null)
        {
            collection.MetaspaceBeforeBytes = usedBefore;
            collection.MetaspaceAfterBytes = usedAfter;
        }
    }

    private bool InterpretOom(DecoratedLine line)
    {
        var msg = line.Message;
        Match m;
        if ((m = OomError().Match(msg)).Success)
        {
            // The allocation-failure line (gc+metaspace+freelist+oom) and the exception describe the same event.
            if (_log.OutOfMemoryErrors.Count == 0 || _log.OutOfMemoryErrors[^1].RedefinitionsBefore != _log.Redefinitions.Count)
                AddOom(line, m.Groups[1].Value, null);
            return true;
        }
        if ((m = AllocationFailed().Match(msg)).Success)
        {
            var space = m.Groups[1].Value == "class" ? "Compressed class space" : "Metaspace";
            AddOom(line, space, long.Parse(m.Groups[2].Value));
            return true;
        }
        return false;
    }

    private void AddOom(DecoratedLine line, string space, long? words) =>
        _log.OutOfMemoryErrors.Add(new MetaspaceOom
        {
            Position = _position,
            Space = space,
            UptimeSeconds = line.UptimeSeconds,
            Time = line.Time,
            RedefinitionsBefore = _log.Redefinitions.Count,
            FailedAllocationWords = words,
        });

    private bool InterpretHeapPrintout(DecoratedLine line)
    {
        var msg = line.Message;
        Match m;
        if ((m = HeapMetaspace().Match(msg)).Success)
        {
            _lastHeapPrintout = new MetaspaceSample
            {
                Position = _position,
                Kind = SampleKind.HeapPrintout,
                UptimeSeconds = line.UptimeSeconds,
                Time = line.Time,
                UsedBytes = Size(m, "used"),
                CapacityBytes = m.Groups["cap"].Success ? Size(m, "cap") : null,
                CommittedBytes = Size(m, "com"),
                ReservedBytes = Size(m, "res"),
                RedefinitionsBefore = _log.Redefinitions.Count,
            };
            _log.Samples.Add(_lastHeapPrintout);
            return true;
        }
        if ((m = HeapClassSpace().Match(msg)).Success)
        {
            if (_lastHeapPrintout != null && _lastHeapPrintout.ClassUsedBytes == null)
            {
                var withClass = _lastHeapPrintout with
                {
                    ClassUsedBytes = Size(m, "used"),
                    ClassCommittedBytes = Size(m, "com"),
                    ClassReservedBytes = Size(m, "res"),
                };
                var at = _log.Samples.LastIndexOf(_lastHeapPrintout);
                if (at >= 0)
                    _log.Samples[at] = withClass;
                _lastHeapPrintout = withClass;
            }
            return true;
        }
        return false;
    }

    private Outcome InterpretSnapshot(DecoratedLine line)
    {
        var msg = line.Message;
        if (VmMetaspaceText.IsStart(msg, out var fromOom))
        {
            _snapshot = new VmMetaspaceSnapshot
            {
                Position = _position,
                UptimeSeconds = line.UptimeSeconds,
                RedefinitionsBefore = _log.Redefinitions.Count,
                FromOomReport = fromOom,
            };
            _log.Snapshots.Add(_snapshot);
            VmMetaspaceText.Apply(_snapshot, msg);
            return Outcome.Used;
        }
        if (_snapshot != null)
        {
            // A unified line of another tag set ends the OOM report; jcmd output is undecorated throughout.
            if (line.IsUnified && !line.HasTag("metaspace"))
            {
                _snapshot = null;
                return Outcome.Unknown;
            }
            if (VmMetaspaceText.Apply(_snapshot, msg))
            {
                if (_snapshot.MaxMetaspaceBytes is { } max)
                    SetMax(max);
                if (_snapshot.CompressedClassSpaceBytes is { } ccs)
                    _log.CompressedClassSpaceBytes ??= ccs;
                return Outcome.Used;
            }
            // Chunk free lists, internal statistics and settings we do not need.
            return Outcome.Skipped;
        }
        return Outcome.Unknown;
    }

    private bool InterpretSettings(DecoratedLine line)
    {
        var msg = line.Message;
        Match m;
        if ((m = MaxMetaspaceFlag().Match(msg)).Success)
        {
            SetMax(SizeText.Parse(m.Groups[1].Value, m.Groups[2].Value.Length == 0 ? "B" : m.Groups[2].Value));
            return true;
        }
        if ((m = MaxMetaspaceSetting().Match(msg)).Success)
        {
            if (SizeText.TryParse(m.Groups[1].Value) is { } size)
                SetMax(size);
            return true;
        }
        if ((m = JvmVersion().Match(msg)).Success)
        {
            _log.JvmVersion ??= m.Groups[1].Value;
            return true;
        }
        if ((m = Jdk8Banner().Match(msg)).Success)
        {
            _log.JvmVersion ??= m.Groups[1].Value;
            return true;
        }
        if ((m = CompressedClassSpaceMapped().Match(msg)).Success)
        {
            _log.CompressedClassSpaceBytes ??= long.Parse(m.Groups[1].Value);
            return true;
        }
        return false;
    }

    private void SetMax(long bytes)
    {
        if (_log.MaxMetaspaceBytes == null)
        {
            _log.MaxMetaspaceBytes = bytes;
            _log.MaxMetaspacePosition = _position;
        }
    }

    private static bool IsKnownMetaspaceInfo(string msg) =>
        msg.StartsWith("CDS ", StringComparison.Ordinal) || msg.StartsWith("Narrow klass", StringComparison.Ordinal)
        || msg.StartsWith("UseCompressedClassPointers", StringComparison.Ordinal) || msg.Contains("Range:", StringComparison.Ordinal)
        || msg.StartsWith("Protection zone", StringComparison.Ordinal) || msg.StartsWith("Metaspace (", StringComparison.Ordinal);

    private static bool IsKnownJdk8Noise(string msg) => Jdk8Noise().IsMatch(msg);

    private void NotUnderstood(string raw, string reason)
    {
        var text = raw.Length > 200 ? raw[..200] + "…" : raw;
        _stats.AddNotUnderstood(new UnparsedLine(_position, text, reason));
    }

    private static long Size(Match m, string group) =>
        SizeText.Parse(m.Groups[group].Value, m.Groups[group + "u"].Success ? m.Groups[group + "u"].Value : "K");

    [GeneratedRegex(@"^old_cp_len=(\d+), scratch_cp_len=(\d+)\s*$")]
    private static partial Regex OldCpLine();

    [GeneratedRegex(@"^merge_cp_len=(\d+), index_map_len=(\d+)\s*$")]
    private static partial Regex MergeCpLine();

    [GeneratedRegex(@"^redefined name=(\S+), count=(\d+)")]
    private static partial Regex RedefinedName();

    [GeneratedRegex(@"^loading name=(\S+)")]
    private static partial Regex LoadingName();

    [GeneratedRegex(@"\bGC\((\d+)\)")]
    private static partial Regex GcIdPattern();

    // JDK 16+: "Metaspace: 3986K(4096K)->3986K(4096K) NonClass: …  Class: 433K(512K)->433K(512K)";
    // JDK 8–15: "Metaspace: 1142318K->1142318K(1265664K)" (the parenthesis is the reservation).
    [GeneratedRegex(@"Metaspace: (?<ub>\d+)(?<ubu>[KMG]|B)(?:\((?<cb>\d+)(?<cbu>[KMG]|B)\))?->(?<ua>\d+)(?<uau>[KMG]|B)\((?<pa>\d+)(?<pau>[KMG]|B)\)(?:.*?\bClass: (?<cub>\d+)(?<cubu>[KMG]|B)\((?<ccb>\d+)(?<ccbu>[KMG]|B)\)->(?<cua>\d+)(?<cuau>[KMG]|B)\((?<cca>\d+)(?<ccau>[KMG]|B)\))?")]
    private static partial Regex MetaspaceTransition();

    [GeneratedRegex(@"java\.lang\.OutOfMemoryError: (Metaspace|Compressed class space)")]
    private static partial Regex OomError();

    [GeneratedRegex(@"^Metaspace \((data|class)\) allocation failed for size (\d+)")]
    private static partial Regex AllocationFailed();

    [GeneratedRegex(@"^\s*Metaspace\s+used (?<used>\d+)(?<usedu>[KMG]), (?:capacity (?<cap>\d+)(?<capu>[KMG]), )?committed (?<com>\d+)(?<comu>[KMG]), reserved (?<res>\d+)(?<resu>[KMG])\s*$")]
    private static partial Regex HeapMetaspace();

    [GeneratedRegex(@"^\s*class space\s+used (?<used>\d+)(?<usedu>[KMG]), (?:capacity (?<cap>\d+)(?<capu>[KMG]), )?committed (?<com>\d+)(?<comu>[KMG]), reserved (?<res>\d+)(?<resu>[KMG])\s*$")]
    private static partial Regex HeapClassSpace();

    [GeneratedRegex(@"-XX:MaxMetaspaceSize=(\d+)([kKmMgGtT]?)\b")]
    private static partial Regex MaxMetaspaceFlag();

    [GeneratedRegex(@"^MaxMetaspaceSize:\s*(.+)$")]
    private static partial Regex MaxMetaspaceSetting();

    [GeneratedRegex(@"^Version: (\S+)")]
    private static partial Regex JvmVersion();

    [GeneratedRegex(@"^(?:OpenJDK|Java HotSpot\(TM\)) .*JRE \(([^)]+)\)")]
    private static partial Regex Jdk8Banner();

    [GeneratedRegex(@"^Compressed class space mapped at: .*reserved size: (\d+)")]
    private static partial Regex CompressedClassSpaceMapped();

    [GeneratedRegex(@"^(?:\s*\{?Heap(?: (?:before|after) GC.*)?$|\s*\}\s*$|\d+:\s*$|\s+(?:PSYoungGen|ParOldGen|PSOldGen|PSPermGen|eden|from|to|object|the|par new|def new|tenured|concurrent mark-sweep|garbage-first heap|region size|compacting perm gen)\b|Memory: |CommandLine flags: |Total time for which application threads were stopped|Application time: |Java HotSpot|OpenJDK )")]
    private static partial Regex Jdk8Noise();
}
