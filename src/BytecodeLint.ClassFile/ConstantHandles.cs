namespace BytecodeLint.ClassFile;

// Typed constant-pool handles: a small struct over a pool index whose kind the reader has checked,
// in the style of System.Reflection.Metadata's handles. Index 0 means "none" where the format allows it.

/// <summary>A CONSTANT_Utf8 entry.</summary>
public readonly record struct Utf8Handle(int Index)
{
    public bool IsNil => Index == 0;
}

/// <summary>A CONSTANT_Class entry.</summary>
public readonly record struct ClassHandle(int Index)
{
    public bool IsNil => Index == 0;
}

/// <summary>A CONSTANT_NameAndType entry.</summary>
public readonly record struct NameAndTypeHandle(int Index);

/// <summary>A CONSTANT_Fieldref, CONSTANT_Methodref or CONSTANT_InterfaceMethodref entry.</summary>
public readonly record struct MemberRefHandle(int Index);

/// <summary>Any constant-pool entry (e.g. the operand of <c>ldc</c>).</summary>
public readonly record struct ConstantHandle(int Index);

/// <summary>Decoded Fieldref/Methodref/InterfaceMethodref: its kind, owning class and name-and-type.</summary>
public readonly record struct MemberRef(ConstantKind Kind, ClassHandle Class, NameAndTypeHandle NameAndType);

/// <summary>Decoded NameAndType.</summary>
public readonly record struct NameAndType(Utf8Handle Name, Utf8Handle Descriptor);

/// <summary>Decoded MethodHandle: reference kind 1..9 and the member reference it points to.</summary>
public readonly record struct MethodHandleInfo(byte ReferenceKind, MemberRefHandle Reference);

/// <summary>Decoded Dynamic or InvokeDynamic: bootstrap method table index and name-and-type.</summary>
public readonly record struct DynamicInfo(int BootstrapMethodIndex, NameAndTypeHandle NameAndType);
