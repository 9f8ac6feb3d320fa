namespace BytecodeLint.TestUtilities;

/// <summary>Constant pool tags (JVMS 4.4, table 4.4-B), for <see cref="ConstantPoolBuilder.Raw"/> and byte-level assertions.</summary>
public static class ConstantPoolTag
{
    public const byte Utf8 = 1;
    public const byte Integer = 3;
    public const byte Float = 4;
    public const byte Long = 5;
    public const byte Double = 6;
    public const byte Class = 7;
    public const byte String = 8;
    public const byte Fieldref = 9;
    public const byte Methodref = 10;
    public const byte InterfaceMethodref = 11;
    public const byte NameAndType = 12;
    public const byte MethodHandle = 15;
    public const byte MethodType = 16;
    public const byte Dynamic = 17;
    public const byte InvokeDynamic = 18;
    public const byte Module = 19;
    public const byte Package = 20;
}

/// <summary>CONSTANT_MethodHandle reference kinds (JVMS 5.4.3.5, table 5.4.3.5-A).</summary>
public static class ConstantPoolReferenceKind
{
    public const byte GetField = 1;
    public const byte GetStatic = 2;
    public const byte PutField = 3;
    public const byte PutStatic = 4;
    public const byte InvokeVirtual = 5;
    public const byte InvokeStatic = 6;
    public const byte InvokeSpecial = 7;
    public const byte NewInvokeSpecial = 8;
    public const byte InvokeInterface = 9;
}
