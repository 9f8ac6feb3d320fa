using BytecodeLint.Analysis.Flow;

namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>
/// The library calls BL0002 knows besides ASM constructors (enhancers.md §2.2): the JDK ClassFile
/// API (<c>java/lang/classfile</c>, and <c>jdk/internal/classfile</c> before JDK 24) and Javassist.
/// </summary>
internal static class PoolRebuildApis
{
    public const string TransformerInterface = "java/lang/instrument/ClassFileTransformer";

    public static bool IsClassFileApi(string owner) =>
        owner.StartsWith("java/lang/classfile/", StringComparison.Ordinal) || owner.StartsWith("jdk/internal/classfile/", StringComparison.Ordinal);

    public static bool IsJavassist(string owner) =>
        owner.StartsWith("javassist/", StringComparison.Ordinal) || owner.Contains("/javassist/", StringComparison.Ordinal);

    private static bool IsClassFileInterface(string owner) =>
        IsClassFileApi(owner) && (owner.EndsWith("/ClassFile", StringComparison.Ordinal) || owner.EndsWith("/Classfile", StringComparison.Ordinal));

    /// <summary>Calls whose result is the content of a class that already exists: <c>ClassFile.parse</c>, Javassist <c>ClassPool.get</c>/<c>makeClass(InputStream)</c>.</summary>
    public static bool ReadsExistingClass(MethodKey target)
    {
        if (IsClassFileInterface(target.Owner)) return target.Name == "parse";
        if (IsJavassist(target.Owner) && target.Owner.EndsWith("/ClassPool", StringComparison.Ordinal))
            return target.Name is "get" or "getOrNull" or "getCtClass" or "makeClassIfNew"
                || (target.Name == "makeClass" && target.Descriptor.StartsWith("(Ljava/io/InputStream;", StringComparison.Ordinal));
        return false;
    }

    /// <summary><c>reader.accept(visitor, …)</c> or <c>classNode.accept(visitor)</c>: the visitor receives the class.</summary>
    public static bool IsVisitorAccept(MethodKey target, PoolRebuildAsm asm) =>
        target.Name == "accept" && (asm.IsReaderType(target.Owner) || target.Owner.EndsWith("/tree/ClassNode", StringComparison.Ordinal));

    /// <summary><c>classFile.transformClass(model, transform)</c>: the ClassFile writes the model's class.</summary>
    public static bool IsTransformClass(MethodKey target) => IsClassFileInterface(target.Owner) && target.Name == "transformClass";

    /// <summary><c>ClassFile.of(options…)</c> and <c>classFile.withOptions(options…)</c>.</summary>
    public static bool IsClassFileOptions(MethodKey target) => IsClassFileInterface(target.Owner) && target.Name is "of" or "withOptions";

    /// <summary><c>ClassFile.build(…)</c>: writes a class from scratch (a new pool unless a shared ConstantPoolBuilder is given).</summary>
    public static bool IsClassFileBuild(MethodKey target) => IsClassFileInterface(target.Owner) && target.Name == "build";

    /// <summary><c>ConstantPoolBuilder.of(ClassModel)</c>: a builder that extends the model's pool.</summary>
    public static bool IsSharedPoolBuilder(MethodKey target) =>
        IsClassFileApi(target.Owner) && target.Owner.EndsWith("/ConstantPoolBuilder", StringComparison.Ordinal) && target.Name == "of" && target.Descriptor.StartsWith("(L", StringComparison.Ordinal);

    public static bool IsNewPoolOption(FieldKey field) =>
        field.Name == "NEW_POOL" && field.Owner.EndsWith("ConstantPoolSharingOption", StringComparison.Ordinal);

    /// <summary>
    /// <c>ClassLoader.defineClass</c>, <c>Lookup.defineClass</c>/<c>defineHiddenClass</c>,
    /// <c>Unsafe.defineClass</c>/<c>defineAnonymousClass</c> and look-alikes: bytes passed there become a new class.
    /// </summary>
    public static bool DefinesClass(MethodKey target) =>
        target.Name.StartsWith("define", StringComparison.Ordinal) && target.Name.Contains("Class", StringComparison.Ordinal);

    /// <summary>Javassist calls after which <c>toBytecode()</c> writes a compacted, renumbered pool (enhancers.md §2.2).</summary>
    public static bool IsJavassistRebuild(MethodKey target)
    {
        if (!IsJavassist(target.Owner)) return false;
        string simple = PoolRebuildAsm.Simple(target.Owner);
        return target.Name switch
        {
            "setBody" => simple is "CtBehavior" or "CtMethod" or "CtConstructor",
            "rebuildClassFile" => simple == "CtClass",
            "prune" => simple is "CtClass" or "ClassFile",
            "compact" => simple == "ClassFile",
            _ => false,
        };
    }
}
