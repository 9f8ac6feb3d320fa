using System.Collections.Concurrent;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// Builds an <see cref="ArtifactCallGraph"/> for a rule: call <see cref="Register"/> from an
/// artifact-start action; every class visit (in parallel) extracts its <see cref="ClassFacts"/>
/// into a thread-safe bag, and after the last class the graph is built and handed to the callback
/// together with the artifact-end context for reporting.
/// </summary>
public static class CallGraphCollector
{
    public static void Register(ArtifactStartContext context, Action<ArtifactEndContext, ArtifactCallGraph> onComplete)
    {
        var classes = new ConcurrentBag<ClassFacts>();
        var interner = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        context.RegisterClassAction(c => classes.Add(Read(c, interner)));
        context.RegisterArtifactEndAction(end => onComplete(end, new ArtifactCallGraph(classes)));
    }

    /// <summary>Extracts the facts of one class (public for tests and for rules that build graphs themselves).</summary>
    public static ClassFacts Read(ClassAnalysisContext context, ConcurrentDictionary<string, string> interner)
    {
        var @class = context.Class;
        var cache = new ClassReadCache(@class, interner);
        string name = cache.ClassName(@class.ThisClass.Index);
        string? super = @class.SuperClass.IsNil ? null : cache.ClassName(@class.SuperClass.Index);
        var interfaces = new string[@class.InterfaceCount];
        for (int i = 0; i < interfaces.Length; i++) interfaces[i] = cache.ClassName(@class.GetInterface(i).Index);

        var methods = new List<DeclaredMethod>(@class.MethodCount);
        foreach (var method in @class.Methods)
        {
            var key = new MethodKey(name, cache.Utf8(method.Name), cache.Utf8(method.Descriptor));
            var facts = method.GetCode() is { } code ? MethodFactsReader.Read(cache, method, code, key) : null;
            methods.Add(new DeclaredMethod(key.Name, key.Descriptor, method.AccessFlags, facts));
        }
        var fields = new List<(string, string, AccessFlags)>(@class.FieldCount);
        foreach (var field in @class.Fields) fields.Add((cache.Utf8(field.Name), cache.Utf8(field.Descriptor), field.AccessFlags));
        return new ClassFacts(name, super, interfaces, @class.AccessFlags, methods, fields, context.CreateLocation());
    }
}
