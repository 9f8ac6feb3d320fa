namespace BytecodeLint.ClassFile;

/// <summary>
/// Tables a parse can reuse from class to class instead of allocating them per class: the constant pool's
/// entry offsets and tags (a scan of kotlin-compiler-1.3.31.jar allocated 16 MB of them for 22k classes).
/// A <see cref="JavaClass"/> parsed with buffers is valid only until the buffers serve the next parse, like
/// a pooled byte buffer: for a caller that reads one class at a time per thread and keeps nothing of it.
/// Not thread-safe: one set per thread.
/// </summary>
public sealed class ClassParseBuffers
{
    internal int[] Offsets = [];
    internal ConstantKind[] Kinds = [];

    /// <summary>Tables of at least <paramref name="count"/> entries; their contents are whatever the last parse left.</summary>
    internal void Ensure(int count)
    {
        if (Offsets.Length >= count) return;
        int size = Math.Max(count, Math.Min(2 * Offsets.Length, ushort.MaxValue + 1));
        Offsets = new int[size];
        Kinds = new ConstantKind[size];
    }
}
