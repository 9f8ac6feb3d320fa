using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// One class file of an input (a <c>.class</c> entry, or a class file under a hidden name, see
/// <see cref="HiddenClassFiles"/>): a zip entry at any nesting depth, or a file of a scanned
/// directory (or the input itself). Its bytes are only produced by <see cref="Read"/>, which any number
/// of threads may call at once while the owning <see cref="Artifact"/> is not disposed.
/// </summary>
public sealed class ClassEntry
{
    private readonly string _locationPrefix;
    private readonly ZipEntryData _zip;
    private readonly string? _filePath;
    private readonly ReadOnlyMemory<byte>? _memory;
    private readonly long _maxFileBytes;
    private string? _location;

    /// <summary>An entry of a zip archive.</summary>
    internal ClassEntry(string locationPrefix, string entryPath, ZipEntryData data, bool versionedParent)
    {
        _locationPrefix = locationPrefix;
        _zip = data;
        EntryPath = entryPath;
        UncompressedSize = data.UncompressedSize;
        (IsVersioned, Release) = MultiRelease.Classify(entryPath, versionedParent);
    }

    /// <summary>A class file on disk, read when <see cref="Read"/> is called.</summary>
    internal ClassEntry(string location, string entryPath, string filePath, long size, long maxBytes)
    {
        _locationPrefix = "";
        _location = location;
        _filePath = filePath;
        _maxFileBytes = maxBytes;
        EntryPath = entryPath;
        UncompressedSize = size;
        (IsVersioned, Release) = MultiRelease.Classify(entryPath, versionedParent: false);
    }

    /// <summary>A class file given as bytes (a library caller's or a test's input); never copied.</summary>
    internal ClassEntry(string location, string entryPath, ReadOnlyMemory<byte> bytes)
    {
        _locationPrefix = "";
        _location = location;
        _memory = bytes;
        EntryPath = entryPath;
        UncompressedSize = bytes.Length;
        (IsVersioned, Release) = MultiRelease.Classify(entryPath, versionedParent: false);
    }

    /// <summary>The full location chain: <c>app.jar!/BOOT-INF/lib/x.jar!/com/acme/Foo.class</c>, or <c>dir/com/acme/Foo.class</c>.</summary>
    public string Location => _location ??= _locationPrefix + EntryPath;

    /// <summary>
    /// For a zip entry, the location of its innermost archive, ending in <c>!/</c> (<c>app.jar!/BOOT-INF/lib/x.jar!/</c>);
    /// null for a file or given bytes. Lets a check on the archive avoid building <see cref="Location"/>.
    /// </summary>
    public string? ArchiveLocation => _filePath == null && _memory == null ? _locationPrefix : null;

    /// <summary>The path inside the innermost archive, or relative to the scanned directory (<c>/</c>-separated).</summary>
    public string EntryPath { get; }

    /// <summary>Declared uncompressed size (for a file: its size when enumerated).</summary>
    public long UncompressedSize { get; }

    /// <summary>True when the entry's path, or the path of a nested jar containing it, contains <c>META-INF/versions/</c>.</summary>
    public bool IsVersioned { get; }

    /// <summary>N when the entry itself is at <c>META-INF/versions/N/…</c> of its archive (or directory); otherwise null.</summary>
    public int? Release { get; }

    /// <summary>
    /// Produces the entry's bytes: a zero-copy view for STORED entries, a pooled buffer for DEFLATED
    /// entries and files (dispose the result to return it). Thread-safe.
    /// </summary>
    /// <exception cref="EntryReadException">Bad deflate data, a size other than declared, or an I/O error.</exception>
    public EntryBytes Read() =>
        _memory is { } bytes ? new EntryBytes(bytes, null)
        : _filePath == null ? _zip.Read(_locationPrefix, EntryPath)
        : ReadFile();

    private EntryBytes ReadFile()
    {
        // Empty when listed: never open it. Besides saving a syscall, this keeps a FIFO or device that
        // happens to be named *.class (stat reports size 0) from blocking the reader forever.
        if (UncompressedSize == 0)
            return new EntryBytes(ReadOnlyMemory<byte>.Empty, null);

        byte[]? buffer = null;
        try
        {
            using SafeFileHandle handle = File.OpenHandle(_filePath!, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            long length = RandomAccess.GetLength(handle);
            if (length > _maxFileBytes)
                throw new EntryReadException(Location, null, $"class file of {length} bytes exceeds the limit of {_maxFileBytes}");
            buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, length));
            int total = 0;
            while (total < length)
            {
                int n = RandomAccess.Read(handle, buffer.AsSpan(total, (int)length - total), total);
                if (n == 0)
                    break;
                total += n;
            }

            return new EntryBytes(buffer.AsMemory(0, total), buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (buffer != null)
                ArrayPool<byte>.Shared.Return(buffer);
            throw new EntryReadException(Location, null, "cannot read: " + e.Message.TrimEnd('.'), e);
        }
        catch
        {
            if (buffer != null)
                ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Location;
}
