using System.Buffers;
using System.Runtime.InteropServices;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// An inflated nested archive (a DEFLATED jar inside a war, ear or fat jar; Spring Boot stores its own
/// uncompressed) held outside the managed heap for the life of its artifact. As a managed array it was a
/// large-object allocation per nested jar, which counts toward the budget that triggers full (gen 2)
/// collections, each marking everything the analysis holds. Freed when the artifact is disposed.
/// </summary>
internal sealed unsafe class NativeBuffer : MemoryManager<byte>
{
    private byte* _pointer;
    private readonly int _length;

    public NativeBuffer(int length)
    {
        _length = length;
        _pointer = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, length));
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_pointer == null, this);
        return new Span<byte>(_pointer, _length);
    }

    // Native memory never moves: pinning is handing out the address.
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

    protected override void Dispose(bool disposing)
    {
        if (_pointer == null) return;
        NativeMemory.Free(_pointer);
        _pointer = null;
    }
}
