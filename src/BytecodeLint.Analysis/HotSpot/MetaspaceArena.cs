namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// A class loader's non-class Metaspace arena, replayed allocation by allocation, to price what a
/// sequence of metadata allocations adds to <c>jcmd VM.metaspace</c>'s "used" figure
/// (docs/design/hotspot.md §4, "The model: replay the clones").
/// </summary>
/// <remarks>
/// JDK 16 and later (JEP 387, <c>MetaspaceArena::allocate</c>), for a loader past its first few
/// chunks (any application loader):
/// <list type="number">
/// <item>a request is served first from the arena's free blocks (best fit; blocks of at most
/// 33 words only serve requests of at most 33 words and the other way round);</item>
/// <item>then from the current chunk;</item>
/// <item>a 16 KiB chunk too small for the request is doubled in place (its free buddy merged) when
/// the result holds it; a larger chunk is never enlarged (the growth policy's step is 16 KiB);</item>
/// <item>otherwise a new chunk of max(16 KiB, the power of two that fits the request) is taken and
/// the old one retired: its committed free remainder becomes a free block and counts as used.</item>
/// </list>
/// Chunks above one 64 KiB commit granule are committed granule by granule as they fill, so a
/// retired large chunk counts only up to its last committed granule: that is where the 64 KiB steps
/// of large clones come from. Before JDK 16 the arena took fixed 64 KiB chunks and exactly-sized
/// humongous ones for larger requests, committed whole (modelled the same way, not measured).
/// </remarks>
internal sealed class MetaspaceArena
{
    private const long Word = 8;
    private const long MinBlockBytes = 2 * Word;
    private const long MaxSmallBlockBytes = 33 * Word;
    private const long GranuleBytes = 64 * 1024;
    private const long MinChunkBytes = 1024;

    private readonly bool _elastic;
    private readonly long _preferredChunkBytes;
    private readonly long[] _smallBlocks = new long[(int)(MaxSmallBlockBytes / Word) + 1];
    private readonly SortedSet<(long Size, long Id)> _largeBlocks = [];
    private long _nextBlockId;
    private long _chunkBytes;
    private long _chunkUsed;

    public MetaspaceArena(JdkProfile profile)
    {
        _elastic = profile.Feature is null or >= 16;
        _preferredChunkBytes = _elastic ? 16 * 1024 : 64 * 1024;
    }

    /// <summary>What the arena's chunks count as used so far: allocations plus retired remainders.</summary>
    public long UsedBytes { get; private set; }

    public void Allocate(long requestedBytes)
    {
        long size = Math.Max(AlignWord(requestedBytes), MinBlockBytes);
        if (TakeFreeBlock(size)) return;
        if (_chunkBytes - _chunkUsed < size && !TryEnlarge(size)) NewChunk(size);
        _chunkUsed += size;
        UsedBytes += size;
    }

    private bool TryEnlarge(long size)
    {
        // One level at a time, only up from the policy's chunk size (attempt_enlarge_current_chunk).
        if (!_elastic || _chunkBytes != _preferredChunkBytes || _chunkUsed + size > 2 * _chunkBytes) return false;
        _chunkBytes *= 2;
        return true;
    }

    private void NewChunk(long size)
    {
        if (_chunkBytes > 0) Retire();
        long fitting = _elastic ? PowerOfTwoAtLeast(Math.Max(size, MinChunkBytes)) : AlignUp(size, MinChunkBytes);
        _chunkBytes = Math.Max(_preferredChunkBytes, fitting);
        _chunkUsed = 0;
    }

    private void Retire()
    {
        long committed = _elastic && _chunkBytes > GranuleBytes ? Math.Min(_chunkBytes, AlignUp(_chunkUsed, GranuleBytes)) : _chunkBytes;
        long remainder = committed - _chunkUsed;
        if (remainder <= MinBlockBytes) return;
        UsedBytes += remainder;
        AddFreeBlock(remainder);
    }

    private bool TakeFreeBlock(long size)
    {
        long found;
        if (size <= MaxSmallBlockBytes)
        {
            int bin = (int)(size / Word);
            while (bin < _smallBlocks.Length && _smallBlocks[bin] == 0) bin++;
            if (bin == _smallBlocks.Length) return false;
            _smallBlocks[bin]--;
            found = bin * Word;
        }
        else
        {
            if (_largeBlocks.Count == 0 || _largeBlocks.Max.Size < size) return false;
            var best = _largeBlocks.GetViewBetween((size, long.MinValue), (long.MaxValue, long.MaxValue)).Min;
            _largeBlocks.Remove(best);
            found = best.Size;
        }
        if (found - size > MinBlockBytes) AddFreeBlock(found - size);
        return true;
    }

    private void AddFreeBlock(long size)
    {
        if (size < MinBlockBytes) return;
        if (size <= MaxSmallBlockBytes) _smallBlocks[size / Word]++;
        else _largeBlocks.Add((size, _nextBlockId++));
    }

    private static long AlignWord(long value) => AlignUp(value, Word);

    private static long AlignUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;

    private static long PowerOfTwoAtLeast(long value)
    {
        long p = 1;
        while (p < value) p <<= 1;
        return p;
    }
}
