namespace BytecodeLint.Analysis.Flow;

/// <summary>A method by owner (internal name), name and descriptor, as a call site or a declaration names it.</summary>
public readonly record struct MethodKey(string Owner, string Name, string Descriptor)
{
    /// <summary><c>com.acme.Foo.bar</c>, for messages.</summary>
    public string DisplayName => Owner.Replace('/', '.') + "." + Name;

    public override string ToString() => Owner + "." + Name + Descriptor;
}

/// <summary>A field by owner (internal name as referenced), name and descriptor.</summary>
public readonly record struct FieldKey(string Owner, string Name, string Descriptor)
{
    public override string ToString() => Owner + "." + Name + ":" + Descriptor;
}
