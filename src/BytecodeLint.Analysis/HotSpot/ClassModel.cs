using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// A class as the retransform path sees it: its pool and, per method, every constant-pool
/// reference in the code plus the exception-table catch types (the only class data whose indices
/// decide what the next merge does). Immutable; a merge produces a new model.
/// </summary>
public sealed class ClassModel
{
    public ClassModel(string name, int majorVersion, PoolModel pool, IReadOnlyList<MethodModel> methods, IReadOnlyList<int> classReferences)
    {
        Name = name;
        MajorVersion = majorVersion;
        Pool = pool;
        Methods = methods;
        ClassReferences = classReferences;
    }

    /// <summary>Internal name, e.g. <c>t1/CatchThrowable</c>.</summary>
    public string Name { get; }

    public int MajorVersion { get; }

    public PoolModel Pool { get; }

    public IReadOnlyList<MethodModel> Methods { get; }

    /// <summary>this_class, super_class (when not 0) and the interfaces: references outside the code.</summary>
    public IReadOnlyList<int> ClassReferences { get; }

    public static ClassModel From(JavaClass javaClass)
    {
        var methods = new List<MethodModel>(javaClass.MethodCount);
        foreach (var method in javaClass.Methods) methods.Add(MethodModel.From(method));
        var classRefs = new List<int> { javaClass.ThisClass.Index };
        if (javaClass.SuperClass.Index != 0) classRefs.Add(javaClass.SuperClass.Index);
        for (int i = 0; i < javaClass.InterfaceCount; i++) classRefs.Add(javaClass.GetInterface(i).Index);
        return new ClassModel(javaClass.Name, javaClass.MajorVersion, PoolModel.From(javaClass), methods, classRefs);
    }

    /// <summary>
    /// The Class entries the verifier resolves in this class's pool on <paramref name="profile"/>:
    /// catch types named exactly java/lang/Throwable in methods with code, when the class is verified
    /// (docs/design/hotspot.md §2 trigger 1 and 3; research §1.2–1.3).
    /// </summary>
    public ISet<int> ResolvedByVerifier(JdkProfile profile, bool unverified)
    {
        var resolved = new HashSet<int>();
        if (!profile.VerifierResolvesThrowableCatchType || !JdkProfile.IsVerified(MajorVersion, unverified)) return resolved;
        foreach (var method in Methods)
            foreach (int catchType in method.CatchTypes)
                if (catchType != 0 && Pool.ClassNameAt(catchType) == "java/lang/Throwable") resolved.Add(catchType);
        return resolved;
    }

    /// <summary>The same class with its pool replaced and every reference passed through <paramref name="map"/>.</summary>
    internal ClassModel Rewrite(PoolModel newPool, IndexMap map, out int[] widenedPerMethod, out int[] patchedPerMethod)
    {
        widenedPerMethod = new int[Methods.Count];
        patchedPerMethod = new int[Methods.Count];
        var methods = new MethodModel[Methods.Count];
        for (int m = 0; m < Methods.Count; m++)
            methods[m] = Methods[m].Rewrite(map, out widenedPerMethod[m], out patchedPerMethod[m]);
        var classRefs = ClassReferences.Select(map.Apply).ToArray();
        return new ClassModel(Name, MajorVersion, newPool, methods, classRefs);
    }

    public MethodModel? FindMethod(string name, string descriptor) =>
        Methods.FirstOrDefault(m => m.Name == name && m.Descriptor == descriptor);
}
