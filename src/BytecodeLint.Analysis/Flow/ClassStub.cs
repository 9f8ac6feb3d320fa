using System.Collections.Concurrent;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// What the graph keeps of a class it did not read in depth: the hierarchy part of its facts, the
/// entry to read it again, and hashes of the class names its pool references (computed on the raw
/// bytes, for round 2 of <see cref="DemandCallGraphCollector"/>).
/// </summary>
internal sealed class ClassStub
{
    private readonly int[] _referencedNames;

    private ClassStub(ClassFacts facts, ClassEntry entry, int[] referencedNames)
    {
        Facts = facts;
        Entry = entry;
        _referencedNames = referencedNames;
    }

    public ClassFacts Facts { get; }

    public ClassEntry Entry { get; }

    public bool NamesAny(HashSet<int> nameHashes)
    {
        foreach (int h in _referencedNames)
            if (nameHashes.Contains(h)) return true;
        return false;
    }

    public static ClassStub Read(ClassAnalysisContext context, string name, ConcurrentDictionary<string, string> interner)
    {
        // Runs for nearly every class of a large artifact: no per-class caches, no growing lists.
        var @class = context.Class;
        var pool = @class.ConstantPool;
        string Name(ClassHandle handle) => ClassReadCache.ClassName(pool, handle, interner);
        string? super = @class.SuperClass.IsNil ? null : Name(@class.SuperClass);
        var interfaces = @class.InterfaceCount == 0 ? [] : new string[@class.InterfaceCount];
        for (int i = 0; i < interfaces.Length; i++) interfaces[i] = Name(@class.GetInterface(i));
        var facts = new ClassFacts(name, super, interfaces, @class.AccessFlags, context.Artifact.InputPath, context.Entry);

        int count = 0;
        for (int i = 1; i < pool.Count; i++)
            if (pool.KindAt(i) == ConstantKind.Class) count++;
        var names = new int[count];
        for (int i = 1, n = 0; i < pool.Count; i++)
            if (pool.KindAt(i) == ConstantKind.Class) names[n++] = NameHash(pool.GetUtf8Bytes(pool.GetClassName(pool.AsClass(i))));
        return new ClassStub(facts, context.Entry, names);
    }

    /// <summary>Hash of an internal class name as its pool spells it (modified UTF-8).</summary>
    public static int NameHash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }

    public static int NameHash(string name) => NameHash(ModifiedUtf8.Encode(name));
}
