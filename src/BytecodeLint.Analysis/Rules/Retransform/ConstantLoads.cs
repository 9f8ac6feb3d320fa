using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform;

/// <summary>Where a class loads a pool constant: for locating findings about constants (BL0004, BL0007) at code.</summary>
internal static class ConstantLoads
{
    /// <summary>The first ldc/ldc_w/ldc2_w (method order, then pc) of an entry <paramref name="matches"/> accepts.</summary>
    public static (MemberInfo Method, CodeAttribute Code, int Pc, int Index)? First(JavaClass @class, Func<int, bool> matches)
    {
        foreach (var method in @class.Methods)
        {
            if (method.GetCode() is not { } code) continue;
            var cursor = code.GetInstructions();
            while (cursor.MoveNext())
                if (cursor.Opcode is Opcode.Ldc or Opcode.LdcW or Opcode.Ldc2W && matches(cursor.ConstantIndex))
                    return (method, code, cursor.Offset, cursor.ConstantIndex);
        }
        return null;
    }
}
