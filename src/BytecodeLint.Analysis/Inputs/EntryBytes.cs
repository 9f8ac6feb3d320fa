using System.Buffers;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// The bytes of one entry. For a STORED zip entry this is a zero-copy view of the mapped archive;
/// for a DEFLATED entry or a file it is a buffer rented from <see cref="ArrayPool{T}.Shared"/> that
/// <see cref="Dispose"/> returns. Dispose exactly once, and do not keep <see cref="Memory"/> afterwards
/// (copies of this struct share the rented buffer).
/// </summary>
public readonly struct EntryBytes : IDisposable
{
    private readonly byte[]? _rented;

    internal EntryBytes(ReadOnlyMemory<byte> memory, byte[]? rented)
    {
        Memory = memory;
        _rented = rented;
    }

    /// <summary>The entry's uncompressed bytes.</summary>
    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>Shorthand for <c>Memory.Span</c>.</summary>
    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>Returns the rented buffer to the pool, if there is one.</summary>
    public void Dispose()
    {
        if (_rented != null)
            ArrayPool<byte>.Shared.Return(_rented);
    }
}
