namespace BytecodeLint.ClassFile;

/// <summary>The attributes the reader knows by name; everything else is <see cref="Unknown"/> and kept raw.</summary>
public enum AttributeKind : byte
{
    Unknown = 0,
    Code,
    StackMapTable,
    LineNumberTable,
    LocalVariableTable,
    LocalVariableTypeTable,
    SourceFile,
    BootstrapMethods,
    RuntimeVisibleAnnotations,
    RuntimeInvisibleAnnotations,
    RuntimeVisibleParameterAnnotations,
    RuntimeInvisibleParameterAnnotations,
    RuntimeVisibleTypeAnnotations,
    RuntimeInvisibleTypeAnnotations,
    AnnotationDefault,
    Signature,
    InnerClasses,
    Exceptions,
    ConstantValue,
    EnclosingMethod,
    Synthetic,
    Deprecated,
    MethodParameters,
    Module,
    NestHost,
    NestMembers,
    Record,
    PermittedSubclasses,
}

internal static class AttributeNames
{
    private static readonly (byte[] Name, AttributeKind Kind)[] Known =
        Enum.GetValues<AttributeKind>().Where(k => k != AttributeKind.Unknown)
            .Select(k => (System.Text.Encoding.ASCII.GetBytes(k.ToString()), k)).ToArray();

    /// <summary>Identifies an attribute by its name bytes (names are ASCII, so the enum names are the bytes).</summary>
    public static AttributeKind Identify(ReadOnlySpan<byte> name)
    {
        foreach (var (bytes, kind) in Known)
        {
            if (bytes.Length == name.Length && name.SequenceEqual(bytes)) return kind;
        }
        return AttributeKind.Unknown;
    }
}
