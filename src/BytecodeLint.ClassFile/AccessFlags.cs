namespace BytecodeLint.ClassFile;

/// <summary>Class, field and method access flags (JVMS Tables 4.1-B, 4.5-A, 4.6-A share bit values).</summary>
[Flags]
public enum AccessFlags : ushort
{
    None = 0,
    Public = 0x0001,
    Private = 0x0002,
    Protected = 0x0004,
    Static = 0x0008,
    Final = 0x0010,
    /// <summary>ACC_SUPER on classes, ACC_SYNCHRONIZED on methods.</summary>
    Synchronized = 0x0020,
    /// <summary>ACC_VOLATILE on fields, ACC_BRIDGE on methods.</summary>
    Bridge = 0x0040,
    /// <summary>ACC_TRANSIENT on fields, ACC_VARARGS on methods.</summary>
    Varargs = 0x0080,
    Native = 0x0100,
    Interface = 0x0200,
    Abstract = 0x0400,
    Strict = 0x0800,
    Synthetic = 0x1000,
    Annotation = 0x2000,
    Enum = 0x4000,
    /// <summary>ACC_MODULE on classes.</summary>
    Module = 0x8000,
}
