namespace BytecodeLint.ClassFile;

/// <summary>Constant-pool tags (JVMS §4.4). <see cref="None"/> marks index 0 and the unusable slot after a Long or Double.</summary>
public enum ConstantKind : byte
{
    None = 0,
    Utf8 = 1,
    Integer = 3,
    Float = 4,
    Long = 5,
    Double = 6,
    Class = 7,
    String = 8,
    Fieldref = 9,
    Methodref = 10,
    InterfaceMethodref = 11,
    NameAndType = 12,
    MethodHandle = 15,
    MethodType = 16,
    Dynamic = 17,
    InvokeDynamic = 18,
    Module = 19,
    Package = 20,
}

public static class ConstantKindExtensions
{
    /// <summary>Number of payload bytes after the tag byte, or -1 for Utf8 (variable) and unknown tags.</summary>
    internal static int FixedPayloadLength(this ConstantKind kind) => kind switch
    {
        ConstantKind.Class or ConstantKind.String or ConstantKind.MethodType or ConstantKind.Module or ConstantKind.Package => 2,
        ConstantKind.MethodHandle => 3,
        ConstantKind.Integer or ConstantKind.Float or ConstantKind.Fieldref or ConstantKind.Methodref
            or ConstantKind.InterfaceMethodref or ConstantKind.NameAndType or ConstantKind.Dynamic
            or ConstantKind.InvokeDynamic => 4,
        ConstantKind.Long or ConstantKind.Double => 8,
        _ => -1,
    };

    /// <summary>True for Fieldref, Methodref and InterfaceMethodref.</summary>
    public static bool IsMemberRef(this ConstantKind kind) =>
        kind is ConstantKind.Fieldref or ConstantKind.Methodref or ConstantKind.InterfaceMethodref;

    /// <summary>True for Long and Double, which take two pool slots.</summary>
    public static bool IsWide(this ConstantKind kind) => kind is ConstantKind.Long or ConstantKind.Double;
}
