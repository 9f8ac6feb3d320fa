using System.Buffers;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Exposes a read-only memory-mapped view as <see cref="Memory{T}"/>, so archive bytes flow through
/// the same <see cref="ReadOnlyMemory{T}"/> slices as inflated buffers without being copied.
/// The mapping is owned by <see cref="MappedFile"/>; after it is unmapped this manager refuses to hand out spans.
/// </summary>
internal sealed unsafe class MappedMemoryManager : MemoryManager<byte>
{
    private byte* _pointer;
    private readonly int _length;

    public MappedMemoryManager(byte* pointer, int length)
    {
        _pointer = pointer;
        _length = length;
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        return new Span<byte>(_pointer, _length);
    }

    // The mapping never moves, so pinning is just handing out the address.
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        if ((uint)elementIndex > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(elementIndex));
        return new MemoryHandle(_pointer + elementIndex);
    }

    public override void Unpin()
    {
    }

    /// <summary>Called by the owner just before the view is unmapped.</summary>
    internal void Invalidate() => _pointer = null;

    protected override void Dispose(bool disposing) => _pointer = null;
}
