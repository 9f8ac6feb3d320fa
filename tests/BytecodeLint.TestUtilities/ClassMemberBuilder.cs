namespace BytecodeLint.TestUtilities;

/// <summary>A field_info or method_info (JVMS 4.5, 4.6): access flags, name, descriptor and attributes.</summary>
public sealed class ClassMemberBuilder
{
    internal ClassMemberBuilder(ConstantPoolBuilder pool, int accessFlags, int nameIndex, int descriptorIndex)
    {
        AccessFlags = accessFlags;
        NameIndex = nameIndex;
        DescriptorIndex = descriptorIndex;
        Attributes = new ClassFileAttributes(pool);
    }

    public int AccessFlags { get; set; }

    /// <summary>Pool index of the name; settable to point anywhere for malformed-class tests.</summary>
    public int NameIndex { get; set; }

    /// <summary>Pool index of the descriptor; settable like <see cref="NameIndex"/>.</summary>
    public int DescriptorIndex { get; set; }

    public ClassFileAttributes Attributes { get; }

    /// <summary>Shortcut for <see cref="ClassFileAttributes.Code(int,int,CodeBuilder,Action{CodeAttributeBuilder}?)"/>.</summary>
    public ClassMemberBuilder Code(int maxStack, int maxLocals, CodeBuilder code, Action<CodeAttributeBuilder>? configure = null)
    {
        Attributes.Code(maxStack, maxLocals, code, configure);
        return this;
    }

    /// <summary>Shortcut for <see cref="ClassFileAttributes.Code(int,int,byte[],Action{CodeAttributeBuilder}?)"/>.</summary>
    public ClassMemberBuilder Code(int maxStack, int maxLocals, byte[] code, Action<CodeAttributeBuilder>? configure = null)
    {
        Attributes.Code(maxStack, maxLocals, code, configure);
        return this;
    }

    internal void WriteTo(ClassFileWriter writer)
    {
        writer.U2(AccessFlags).U2(NameIndex).U2(DescriptorIndex);
        Attributes.WriteTo(writer);
    }
}
