namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Enumerates one top-level input into an <see cref="Artifact"/>: sequential and deterministic,
/// charging every inflation and every central-directory record against the input's <see cref="InputLimits"/>.
/// Only a top-level input that cannot be read at all throws (<see cref="InputException"/>); everything
/// wrong deeper down becomes an <see cref="InputProblem"/> and the walk goes on.
/// </summary>
internal sealed partial class ArtifactBuilder
{
    private readonly string _inputPath;
    private readonly InputLimits _limits;
    private readonly List<ClassEntry> _classes = [];
    private readonly List<InputProblem> _problems = [];
    private readonly List<ArchiveInfo?> _archives = [];
    private readonly List<MappedFile> _mappings = [];
    private readonly List<IDisposable> _owned = []; // native buffers of inflated nested archives (the mappings are listed apart)
    private long _inflateBudget;
    private long _entryBudget;
    private bool _entryBudgetExhausted;

    public ArtifactBuilder(string inputPath, InputLimits limits)
    {
        _inputPath = inputPath;
        _limits = limits;
        _inflateBudget = limits.MaxTotalInflatedBytes;
        _entryBudget = limits.MaxTotalEntries;
    }

    /// <summary>Reads the input named by the path; throws <see cref="InputException"/> when it is unreadable.</summary>
    public Artifact Build()
    {
        try
        {
            if (Directory.Exists(_inputPath))
                AddDirectory();
            else if (File.Exists(_inputPath))
                AddTopLevelFile();
            else
                throw new InputException(_inputPath, "no such file or directory");
        }
        catch
        {
            foreach (MappedFile mapping in _mappings)
                mapping.Dispose();
            foreach (IDisposable owned in _owned)
                owned.Dispose();
            throw;
        }

        return new Artifact(_inputPath, _classes, _problems, _archives.Select(a => a!).ToList(), [.. _owned, .. _mappings]);
    }

    /// <summary>Reads an input given as bytes; throws <see cref="InputException"/> when it is neither a class nor an archive.</summary>
    public Artifact BuildFromMemory(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.IsEmpty)
            throw new InputException(_inputPath, "empty input: not a class file or archive");
        if (span.StartsWith<byte>([0xCA, 0xFE, 0xBA, 0xBE]))
        {
            _classes.Add(new ClassEntry(_inputPath, Path.GetFileName(_inputPath), bytes));
        }
        else if (ZipLayout.TryLocate(span, out ZipLayout layout, out string error, out long offset))
        {
            WalkArchive(bytes, layout, _inputPath, depth: 0, versionedParent: false);
        }
        else
        {
            throw new InputException(_inputPath, span.StartsWith("PK"u8) || span.StartsWith(ZipFormat.JmodMagic)
                ? $"unreadable archive: {error} (offset {offset})"
                : "not a class file (no CAFEBABE magic) or zip archive");
        }
        return new Artifact(_inputPath, _classes, _problems, _archives.Select(a => a!).ToList(), _owned);
    }

    private void AddTopLevelFile()
    {
        long length;
        Span<byte> magic = stackalloc byte[4];
        int read;
        try
        {
            // stat before open: opening a FIFO (size 0) would block until someone writes to it.
            if (new FileInfo(_inputPath).Length == 0)
                throw new InputException(_inputPath, "empty file: not a class file or archive");

            using var handle = File.OpenHandle(_inputPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            length = RandomAccess.GetLength(handle);
            read = RandomAccess.Read(handle, magic, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(_inputPath, "cannot read: " + e.Message.TrimEnd('.'), e);
        }

        if (length == 0)
            throw new InputException(_inputPath, "empty file: not a class file or archive");
        if (read == 4 && magic.SequenceEqual<byte>([0xCA, 0xFE, 0xBA, 0xBE]))
        {
            _classes.Add(new ClassEntry(_inputPath, Path.GetFileName(_inputPath), _inputPath, length, _limits.MaxClassEntryBytes));
            return;
        }

        MappedFile mapping;
        try
        {
            mapping = MappedFile.Open(_inputPath, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(_inputPath, "cannot read: " + e.Message.TrimEnd('.'), e);
        }

        _mappings.Add(mapping);
        if (!ZipLayout.TryLocate(mapping.Memory.Span, out ZipLayout layout, out string error, out long offset))
        {
            // Content decides what a file is; the extension only picks the more helpful message.
            bool looksLikeZip = magic.StartsWith("PK"u8) || magic.SequenceEqual(ZipFormat.JmodMagic) || HasArchiveExtension(_inputPath);
            throw new InputException(_inputPath, looksLikeZip
                ? $"unreadable archive: {error} (offset {offset})"
                : "not a class file (no CAFEBABE magic), zip archive or directory");
        }

        WalkArchive(mapping.Memory, layout, _inputPath, depth: 0, versionedParent: false);
    }

    private static bool HasArchiveExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jar" or ".war" or ".ear" or ".zip" or ".jmod";

    private void Report(string location, long? offset, InputProblemKind kind, string message) =>
        _problems.Add(new InputProblem(location, offset, kind, message));
}
