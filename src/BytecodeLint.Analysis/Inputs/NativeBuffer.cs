using System.Runtime.InteropServices;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// An inflated nested archive (a DEFLATED jar inside a war, ear or fat jar; Spring Boot stores its own
/// uncompressed) held outside the managed heap for the life of its artifact. As a managed array it was a
/// large-object allocation per nested jar, which counts toward the budget that triggers full (gen 2)
/// collections, each marking everything the analysis holds. Freed when the artifact is disposed.
/// </summary>
internal sealed unsafe class NativeBuffer(int length)
    : UnmanagedMemoryManager((byte*)NativeMemory.Alloc((nuint)Math.Max(1, length)), length)
{
    protected override void Dispose(bool disposing)
    {
        if (Pointer == null) return;
        NativeMemory.Free(Pointer);
        Release();
    }
}
