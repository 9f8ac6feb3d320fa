namespace BytecodeLint.TestUtilities;

/// <summary>Access flags for classes, fields and methods (JVMS 4.1-B, 4.5-A, 4.6-A); some bits mean different things per level.</summary>
public static class ClassAccess
{
    public const ushort Public = 0x0001;
    public const ushort Private = 0x0002;
    public const ushort Protected = 0x0004;
    public const ushort Static = 0x0008;
    public const ushort Final = 0x0010;
    /// <summary>ACC_SUPER on classes, ACC_SYNCHRONIZED on methods.</summary>
    public const ushort Super = 0x0020;
    public const ushort Synchronized = 0x0020;
    /// <summary>ACC_VOLATILE on fields, ACC_BRIDGE on methods.</summary>
    public const ushort Volatile = 0x0040;
    public const ushort Bridge = 0x0040;
    /// <summary>ACC_TRANSIENT on fields, ACC_VARARGS on methods.</summary>
    public const ushort Transient = 0x0080;
    public const ushort Varargs = 0x0080;
    public const ushort Native = 0x0100;
    public const ushort Interface = 0x0200;
    public const ushort Abstract = 0x0400;
    public const ushort Strict = 0x0800;
    public const ushort Synthetic = 0x1000;
    public const ushort Annotation = 0x2000;
    public const ushort Enum = 0x4000;
    public const ushort Module = 0x8000;
}
