using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// A whole file mapped read-only. Archives are mapped rather than read so that a 100 MB fat jar costs
/// page-cache pages, not heap, and STORED entries are served without copying.
/// </summary>
internal sealed unsafe partial class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly MappedMemoryManager _manager;
    private bool _disposed;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, byte* pointer, int length)
    {
        _map = map;
        _view = view;
        _manager = new MappedMemoryManager(pointer, length);
        Memory = _manager.Memory;
    }

    /// <summary>The file's bytes.</summary>
    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>Maps <paramref name="path"/>; the file must be non-empty and smaller than 2 GiB.</summary>
    /// <exception cref="IOException">The file cannot be opened or mapped.</exception>
    public static MappedFile Open(string path, long length)
    {
        if (length <= 0 || length > int.MaxValue)
            throw new IOException(length <= 0 ? "empty file" : "files of 2 GiB or more are not supported");
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            SafeMemoryMappedViewHandle handle = view.SafeMemoryMappedViewHandle;
            byte* pointer = null;
            handle.AcquirePointer(ref pointer);
            Populate(pointer, view.PointerOffset + length);
            return new MappedFile(map, view, pointer + view.PointerOffset, (int)length);
        }
        catch
        {
            view?.Dispose();
            map.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Maps every page of the view up front with one <c>madvise(MADV_POPULATE_READ)</c> (Linux 5.14+)
    /// instead of taking a page fault per 4 KiB while the entries are read: kotlin-compiler's 97 MB
    /// are ~24,000 faults otherwise (docs/performance.md). Best effort: older kernels and other systems
    /// refuse it and the pages fault in as before.
    /// </summary>
    private static void Populate(byte* start, long length)
    {
        if (!OperatingSystem.IsLinux() || length <= 0) return;
        try
        {
            _ = madvise(start, (nuint)length, MadvPopulateRead);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without madvise: nothing to gain, nothing lost.
        }
    }

    private const int MadvPopulateRead = 22;

    [LibraryImport("libc", SetLastError = false)]
    private static partial int madvise(void* address, nuint length, int advice);

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _manager.Invalidate();
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
