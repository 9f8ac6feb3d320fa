namespace BytecodeLint.Analysis.Inventory;

/// <summary>
/// Byte-level matching of ASM's <c>ClassWriter</c> constructors in any package, shaded copies
/// included, exactly as PeerScan matches them on decoded strings. All literals are ASCII and a
/// multi-byte modified-UTF-8 sequence never contains an ASCII byte, so byte positions stand in for
/// character positions.
/// </summary>
public static class ClassWriterNames
{
    /// <summary><c>ClassWriter</c> alone or after a <c>/</c>: <c>org/objectweb/asm/ClassWriter</c>, <c>shaded/asm/ClassWriter</c>.</summary>
    public static bool IsClassWriterOwner(ReadOnlySpan<byte> owner) =>
        owner.EndsWith("ClassWriter"u8) && (owner.Length == 11 || owner[^12] == (byte)'/');

    /// <summary>Exactly <c>(I)V</c>.</summary>
    public static bool IsIntDescriptor(ReadOnlySpan<byte> descriptor) => descriptor.SequenceEqual("(I)V"u8);

    /// <summary><c>(L</c> [package <c>/</c>] <c>ClassReader;I)V</c> with a single class parameter before the int.</summary>
    public static bool IsReaderIntDescriptor(ReadOnlySpan<byte> descriptor)
    {
        if (!descriptor.StartsWith("(L"u8) || !descriptor.EndsWith("ClassReader;I)V"u8)) return false;
        int nameEnd = descriptor.Length - 4; // the ';' closing the class name
        int simpleStart = nameEnd - 11;      // "ClassReader".Length
        if (simpleStart < 2) return false;
        if (simpleStart > 2 && descriptor[simpleStart - 1] != (byte)'/') return false;
        return descriptor.IndexOf((byte)';') == nameEnd;
    }
}
