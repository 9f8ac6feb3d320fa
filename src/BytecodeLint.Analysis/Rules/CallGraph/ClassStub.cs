using System.Collections.Concurrent;
using BytecodeLint.Analysis.Inputs;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.CallGraph;

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

    public static ClassStub Read(ClassAnalysisContext context, ConcurrentDictionary<string, string> interner)
    {
        var @class = context.Class;
        var pool = @class.ConstantPool;
        var cache = new ClassReadCache(@class, interner);
        string? super = @class.SuperClass.IsNil ? null : cache.ClassName(@class.SuperClass.Index);
        var interfaces = new string[@class.InterfaceCount];
        for (int i = 0; i < interfaces.Length; i++) interfaces[i] = cache.ClassName(@class.GetInterface(i).Index);
        var facts = new ClassFacts(cache.ClassName(@class.ThisClass.Index), super, interfaces, @class.AccessFlags, [], [],
            new DiagnosticLocation(context.Artifact.InputPath, context.Entry.Location));

        var names = new List<int>();
        for (int i = 1; i < pool.Count; i++)
            if (pool.KindAt(i) == ConstantKind.Class) names.Add(NameHash(pool.GetUtf8Bytes(pool.GetClassName(pool.AsClass(i)))));
        return new ClassStub(facts, context.Entry, [.. names]);
    }

    /// <summary>Hash of an internal class name as its pool spells it (modified UTF-8; the same as UTF-8 for names without NUL or supplementary characters).</summary>
    public static int NameHash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }

    public static int NameHash(string name) => NameHash(System.Text.Encoding.UTF8.GetBytes(name));
}
