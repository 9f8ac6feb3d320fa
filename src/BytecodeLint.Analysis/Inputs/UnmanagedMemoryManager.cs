using System.Buffers;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Bytes outside the managed heap (a memory-mapped archive, a native buffer) as <see cref="Memory{T}"/>,
/// so they flow through the same <see cref="ReadOnlyMemory{T}"/> slices as pooled arrays without being
/// copied. Once <see cref="Release"/>d it refuses to hand out spans instead of exposing freed memory.
/// </summary>
internal abstract unsafe class UnmanagedMemoryManager : MemoryManager<byte>
{
    private readonly int _length;

    protected UnmanagedMemoryManager(byte* pointer, int length)
    {
        Pointer = pointer;
        _length = length;
    }

    /// <summary>The start of the bytes; null once released.</summary>
    protected byte* Pointer { get; private set; }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(Pointer == null, this);
        return new Span<byte>(Pointer, _length);
    }

    // The bytes never move, so pinning is just handing out the address.
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(Pointer == null, this);
        if ((uint)elementIndex > (uint)_length)
            throw new ArgumentOutOfRangeException(nameof(elementIndex));
        return new MemoryHandle(Pointer + elementIndex);
    }

    public override void Unpin()
    {
    }

    /// <summary>From now on no span is handed out (the owner is about to free or unmap the bytes).</summary>
    protected void Release() => Pointer = null;
}
