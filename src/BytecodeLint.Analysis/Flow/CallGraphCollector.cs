using System.Collections.Concurrent;
using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// Reads the <see cref="ClassFacts"/> of one class while its bytes are available: the step of
/// <see cref="ArtifactFlow"/> for every class some demand selects.
/// </summary>
public static class CallGraphCollector
{
    /// <summary>Extracts the facts of one class.</summary>
    public static ClassFacts Read(ClassAnalysisContext context, ConcurrentDictionary<string, string> interner) =>
        ClassReadCache.With(context.Class, interner, cache => Read(context, cache));

    private static ClassFacts Read(ClassAnalysisContext context, ClassReadCache cache)
    {
        var @class = context.Class;
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
