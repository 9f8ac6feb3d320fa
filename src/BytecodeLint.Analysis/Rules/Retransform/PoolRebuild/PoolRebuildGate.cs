using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>
/// Which classes BL0002 reads in depth. Its value flow only starts and ends at ASM readers, writers,
/// visitors and tree nodes, the JDK ClassFile API, Javassist, <c>ClassFileTransformer</c> and
/// <c>define…Class</c> calls; a class whose constant pool never spells one of those names takes part
/// only through the class hierarchy (and is read later if a subtype of such a type, or a transformer's
/// call path, needs it: see <see cref="Flow.DemandCallGraphCollector"/>). The check looks at the
/// raw pool bytes with two vectorised searches and decodes nothing, so the classes that do not matter
/// (almost all of a compiler or an application server) cost one pass over their pool.
/// </summary>
internal static class PoolRebuildGate
{
    /// <summary>Simple names of the types whose subtypes carry BL0002's values, whatever package shading gave them.</summary>
    public static bool IsSeedType(ReadOnlySpan<char> simpleName) =>
        simpleName is "ClassWriter" or "ClassVisitor" or "ClassReader" or "ClassNode" or "ClassFileTransformer";

    /// <summary>
    /// True when the class takes part: it is not itself part of Javassist or the ClassFile API (whose
    /// code BL0002 never analyses, see PoolRebuildAnalyzer.Include) and its pool may name one of the
    /// APIs above (false positives only cost time).
    /// </summary>
    public static bool Selects(JavaClass @class, string name) =>
        !PoolRebuildApis.IsJavassist(name) && !PoolRebuildApis.IsClassFileApi(name) && Mentions(@class.ConstantPool);

    /// <summary>True when the pool may name one of the APIs above (false positives only cost time).</summary>
    public static bool Mentions(ConstantPool pool)
    {
        var bytes = pool.Bytes.Span;
        if (pool.EndOffset <= FirstEntryOffset || pool.EndOffset > bytes.Length) return false;
        var entries = bytes[FirstEntryOffset..pool.EndOffset];
        if (entries.IndexOf("javassist/"u8) >= 0) return true;

        // Every other name contains "lass": ClassWriter, ClassVisitor, ClassReader, ClassNode,
        // ClassFileTransformer, java/lang/classfile/, jdk/internal/classfile/, define…Class.
        int from = 0;
        while (true)
        {
            int hit = entries[from..].IndexOf("lass"u8);
            if (hit < 0) return false;
            int at = from + hit;
            if (at > 0 && IsSeedAt(entries, at - 1)) return true;
            from = at + 4;
        }
    }

    /// <summary>Offset of the first constant-pool entry: after magic, versions and the count.</summary>
    private const int FirstEntryOffset = 10;

    private static bool IsSeedAt(ReadOnlySpan<byte> entries, int start)
    {
        var rest = entries[(start + 5)..];
        if (entries[start] == (byte)'c') return rest.StartsWith("file/"u8);
        if (entries[start] != (byte)'C') return false;
        if (rest.StartsWith("Writer"u8) || rest.StartsWith("Visitor"u8) || rest.StartsWith("Reader"u8)
            || rest.StartsWith("Node"u8) || rest.StartsWith("FileTransformer"u8))
            return true;
        var before = entries[..start];
        return before.EndsWith("define"u8) || before.EndsWith("defineHidden"u8) || before.EndsWith("defineAnonymous"u8);
    }
}
