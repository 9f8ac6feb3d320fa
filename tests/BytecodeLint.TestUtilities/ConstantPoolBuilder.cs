namespace BytecodeLint.TestUtilities;

/// <summary>
/// Builds a class file's constant pool entry by entry and hands back each entry's index.
/// Equal entries are shared (as javac does) unless <see cref="Deduplicate"/> is off or
/// <see cref="AddDuplicateOf"/> is used; long and double take two slots (JVMS 4.4.5).
/// Nothing is validated beyond "fits in the field", so tests can build malformed pools on purpose.
/// </summary>
public sealed class ConstantPoolBuilder
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, ushort> _byKey = [];
    private int _padCounter;

    /// <summary>
    /// The <c>constant_pool_count</c> that will be written: one more than the highest slot in use,
    /// i.e. the index the next entry gets. An empty pool has count 1.
    /// </summary>
    public int Count { get; private set; } = 1;

    /// <summary>When set, written instead of <see cref="Count"/> (for pools that lie about their size).</summary>
    public int? CountOverride { get; set; }

    /// <summary>Share equal entries (default). Turn off to make every call append a new entry, nested ones included.</summary>
    public bool Deduplicate { get; set; } = true;

    /// <summary>Adds a CONSTANT_Utf8 holding <paramref name="value"/> in modified UTF-8.</summary>
    public ushort Utf8(string value) => Add(ConstantPoolTag.Utf8, WithLength(ConstantPoolUtf8.Encode(value)));

    /// <summary>Adds a CONSTANT_Utf8 with arbitrary bytes (the length prefix is computed), for bad-encoding tests.</summary>
    public ushort Utf8Raw(byte[] bytes) => Add(ConstantPoolTag.Utf8, WithLength(bytes));

    public ushort Integer(int value) => Add(ConstantPoolTag.Integer, new ClassFileWriter().S4(value).ToArray());

    public ushort Float(float value) => FloatBits(BitConverter.SingleToUInt32Bits(value));

    /// <summary>A CONSTANT_Float from its raw IEEE bits (distinct NaN payloads stay distinct).</summary>
    public ushort FloatBits(uint bits) => Add(ConstantPoolTag.Float, new ClassFileWriter().U4(bits).ToArray());

    /// <summary>A CONSTANT_Long; takes two slots.</summary>
    public ushort Long(long value) => Add(ConstantPoolTag.Long, new ClassFileWriter().U8(unchecked((ulong)value)).ToArray(), slots: 2);

    /// <summary>A CONSTANT_Double; takes two slots.</summary>
    public ushort Double(double value) => DoubleBits(BitConverter.DoubleToUInt64Bits(value));

    /// <summary>A CONSTANT_Double from its raw IEEE bits; takes two slots.</summary>
    public ushort DoubleBits(ulong bits) => Add(ConstantPoolTag.Double, new ClassFileWriter().U8(bits).ToArray(), slots: 2);

    /// <summary>A CONSTANT_Class naming <paramref name="internalName"/> (e.g. <c>java/lang/Object</c> or <c>[I</c>).</summary>
    public ushort Class(string internalName) => AddRefs(ConstantPoolTag.Class, Utf8(internalName));

    public ushort String(string value) => AddRefs(ConstantPoolTag.String, Utf8(value));

    public ushort Fieldref(string owner, string name, string descriptor) =>
        AddRefs(ConstantPoolTag.Fieldref, Class(owner), NameAndType(name, descriptor));

    public ushort Methodref(string owner, string name, string descriptor) =>
        AddRefs(ConstantPoolTag.Methodref, Class(owner), NameAndType(name, descriptor));

    public ushort InterfaceMethodref(string owner, string name, string descriptor) =>
        AddRefs(ConstantPoolTag.InterfaceMethodref, Class(owner), NameAndType(name, descriptor));

    public ushort NameAndType(string name, string descriptor) =>
        AddRefs(ConstantPoolTag.NameAndType, Utf8(name), Utf8(descriptor));

    /// <summary>A CONSTANT_MethodHandle; <paramref name="kind"/> from <see cref="ConstantPoolReferenceKind"/>, not checked.</summary>
    public ushort MethodHandle(int kind, int referenceIndex)
    {
        var payload = new ClassFileWriter().U1(kind).U2(referenceIndex).ToArray();
        return Add(ConstantPoolTag.MethodHandle, payload);
    }

    public ushort MethodType(string descriptor) => AddRefs(ConstantPoolTag.MethodType, Utf8(descriptor));

    /// <summary>A CONSTANT_Dynamic; <paramref name="bootstrapMethodIndex"/> indexes the BootstrapMethods attribute.</summary>
    public ushort Dynamic(int bootstrapMethodIndex, string name, string descriptor) =>
        AddRefs(ConstantPoolTag.Dynamic, bootstrapMethodIndex, NameAndType(name, descriptor));

    /// <summary>A CONSTANT_InvokeDynamic; <paramref name="bootstrapMethodIndex"/> indexes the BootstrapMethods attribute.</summary>
    public ushort InvokeDynamic(int bootstrapMethodIndex, string name, string descriptor) =>
        AddRefs(ConstantPoolTag.InvokeDynamic, bootstrapMethodIndex, NameAndType(name, descriptor));

    public ushort Module(string name) => AddRefs(ConstantPoolTag.Module, Utf8(name));

    public ushort Package(string name) => AddRefs(ConstantPoolTag.Package, Utf8(name));

    /// <summary>
    /// Appends any tag followed by <paramref name="payload"/> verbatim, taking one slot and never shared:
    /// bad tags, wrong-kind references, truncated entries.
    /// </summary>
    public ushort Raw(byte tag, params byte[] payload) => Append(tag, payload, slots: 1);

    /// <summary>Like <see cref="Raw"/> but occupying <paramref name="slots"/> slots (e.g. a hand-made long).</summary>
    public ushort RawWithSlots(int slots, byte tag, params byte[] payload) => Append(tag, payload, slots);

    /// <summary>Appends a new entry with the same tag and bytes as the one at <paramref name="index"/> (a forced duplicate).</summary>
    public ushort AddDuplicateOf(int index)
    {
        var existing = _entries.FirstOrDefault(e => e.Index == index)
            ?? throw new ArgumentOutOfRangeException(nameof(index), index, "no entry starts at this index");
        return Append(existing.Tag, existing.Payload, existing.Slots);
    }

    /// <summary>
    /// Adds distinct, otherwise unused Utf8 entries until <see cref="Count"/> is at least <paramref name="count"/>,
    /// so the next entry gets an index of at least <paramref name="count"/> (e.g. <c>PadTo(300)</c> to push
    /// constants past ldc's one-byte index).
    /// </summary>
    public ConstantPoolBuilder PadTo(int count)
    {
        while (Count < count)
            Utf8("pad$" + _padCounter++);
        return this;
    }

    /// <summary>The tag of the entry starting at <paramref name="index"/>, or null.</summary>
    public byte? TagAt(int index) => _entries.FirstOrDefault(e => e.Index == index)?.Tag;

    /// <summary>Writes <c>constant_pool_count</c> followed by the entries.</summary>
    public void WriteTo(ClassFileWriter writer)
    {
        writer.U2(CountOverride ?? Count);
        foreach (var entry in _entries)
            writer.U1(entry.Tag).Bytes(entry.Payload);
    }

    private ushort AddRefs(byte tag, params int[] indices)
    {
        var writer = new ClassFileWriter();
        foreach (var index in indices)
            writer.U2(index);
        return Add(tag, writer.ToArray());
    }

    private ushort Add(byte tag, byte[] payload, int slots = 1)
    {
        if (!Deduplicate)
            return Append(tag, payload, slots);
        var key = tag + ":" + Convert.ToHexString(payload);
        if (_byKey.TryGetValue(key, out var found))
            return found;
        var index = Append(tag, payload, slots);
        _byKey[key] = index;
        return index;
    }

    private ushort Append(byte tag, byte[] payload, int slots)
    {
        // Index 65535 is legal for a one-slot entry only if count fits in u2 (count = 65536 does not).
        if (Count + slots > ushort.MaxValue)
            throw new InvalidOperationException($"constant pool full: {Count - 1} slots used");
        var index = (ushort)Count;
        _entries.Add(new Entry(index, tag, payload, slots));
        Count += slots;
        return index;
    }

    private static byte[] WithLength(byte[] bytes) => new ClassFileWriter().U2(bytes.Length).Bytes(bytes).ToArray();

    private sealed record Entry(ushort Index, byte Tag, byte[] Payload, int Slots);
}
