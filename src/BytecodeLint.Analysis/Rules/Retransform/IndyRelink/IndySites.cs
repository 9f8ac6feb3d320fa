using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.IndyRelink;

/// <summary>Which bootstrap an <c>invokedynamic</c> site names, for the kinds BL0005 counts.</summary>
internal enum IndyKind : byte
{
    /// <summary><c>LambdaMetafactory.metafactory</c>: lambdas and method references.</summary>
    Lambda,

    /// <summary><c>LambdaMetafactory.altMetafactory</c>: serializable lambdas and lambdas with marker interfaces.</summary>
    AltLambda,

    /// <summary><c>SwitchBootstraps.typeSwitch</c>: pattern-matching switch.</summary>
    TypeSwitch,
}

/// <summary>One counted site: the method holding it and its pc.</summary>
internal readonly record struct IndySite(MemberInfo Method, CodeAttribute Code, int Pc, IndyKind Kind);

/// <summary>
/// Finds the invokedynamic sites of a class that can run again after a retransform: every method
/// except <c>&lt;clinit&gt;</c> (a retransform never runs the class initialiser again; measured: a
/// lambda only in <c>&lt;clinit&gt;</c> costs nothing). The bootstrap is identified through the
/// BootstrapMethods attribute's method handle (owner and name), never by the site's own name.
/// </summary>
internal static class IndySites
{
    public static List<IndySite> Find(JavaClass @class)
    {
        var sites = new List<IndySite>();
        if (@class.Attributes.Find(AttributeKind.BootstrapMethods) is not { } attribute) return sites;
        var bootstraps = AttributeReaders.ReadBootstrapMethods(attribute);
        var pool = @class.ConstantPool;
        var kinds = new IndyKind?[bootstraps.Length];
        var known = new bool[bootstraps.Length];
        foreach (var method in @class.Methods)
        {
            if (method.NameEquals("<clinit>"u8) || method.GetCode() is not { } code) continue;
            var cursor = code.GetInstructions();
            while (cursor.MoveNext())
            {
                if (cursor.Opcode != Opcode.Invokedynamic) continue;
                int bsm = pool.GetDynamic(cursor.ConstantIndex).BootstrapMethodIndex;
                if ((uint)bsm >= (uint)bootstraps.Length) continue; // malformed: not ours to report
                if (!known[bsm])
                {
                    kinds[bsm] = Classify(pool, bootstraps[bsm].MethodHandleIndex);
                    known[bsm] = true;
                }
                if (kinds[bsm] is { } kind) sites.Add(new IndySite(method, code, cursor.Offset, kind));
            }
        }
        return sites;
    }

    private static IndyKind? Classify(ConstantPool pool, int handleIndex)
    {
        if (pool.KindAt(handleIndex) != ConstantKind.MethodHandle) return null;
        var reference = pool.GetMemberRef(pool.GetMethodHandle(handleIndex).Reference);
        var name = pool.GetUtf8Bytes(pool.GetNameAndType(reference.NameAndType).Name);
        if (pool.ClassNameEquals(reference.Class, "java/lang/invoke/LambdaMetafactory"u8))
        {
            if (name.SequenceEqual("metafactory"u8)) return IndyKind.Lambda;
            if (name.SequenceEqual("altMetafactory"u8)) return IndyKind.AltLambda;
            return null;
        }
        if (pool.ClassNameEquals(reference.Class, "java/lang/runtime/SwitchBootstraps"u8) && name.SequenceEqual("typeSwitch"u8))
            return IndyKind.TypeSwitch;
        return null; // StringConcatFactory and others re-link but spin no class (measured)
    }
}
