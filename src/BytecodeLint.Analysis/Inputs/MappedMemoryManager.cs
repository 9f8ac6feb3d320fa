namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// A read-only memory-mapped view as memory. The mapping is owned by <see cref="MappedFile"/>; after it
/// is unmapped this manager refuses to hand out spans.
/// </summary>
internal sealed unsafe class MappedMemoryManager(byte* pointer, int length) : UnmanagedMemoryManager(pointer, length)
{
    /// <summary>Called by the owner just before the view is unmapped.</summary>
    internal void Invalidate() => Release();

    protected override void Dispose(bool disposing) => Release();
}
