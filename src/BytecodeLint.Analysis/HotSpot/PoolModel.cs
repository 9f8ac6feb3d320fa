using System.Globalization;
using System.Text;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// A mutable constant pool as HotSpot's merge sees it. Each entry has an <em>equality key</em>:
/// two entries are equal under <c>ConstantPool::compare_entry_to</c> exactly when their keys are
/// equal strings, and an entry that can never compare equal to anything (a NaN, or a resolved
/// Throwable class on JDK 17–21, or anything that points at one) has a null key. That makes the
/// merge's "first equal entry" search a dictionary lookup instead of HotSpot's linear scan, which
/// matters when a NaN pool has doubled to tens of thousands of entries.
/// </summary>
public sealed class PoolModel
{
    private readonly List<PoolEntry> _entries;
    private readonly List<string?> _keys;
    private readonly Dictionary<string, int> _firstIndexByKey;
    private readonly List<BootstrapMethodModel> _bootstrapMethods;

    private PoolModel(List<PoolEntry> entries, List<string?> keys, Dictionary<string, int> firstIndexByKey, List<BootstrapMethodModel> bootstrapMethods)
    {
        _entries = entries;
        _keys = keys;
        _firstIndexByKey = firstIndexByKey;
        _bootstrapMethods = bootstrapMethods;
    }

    /// <summary>Builds a pool from entries indexed from 0 (entry 0 and second slots of Long/Double unusable).</summary>
    public static PoolModel Create(IReadOnlyList<PoolEntry> entries, IReadOnlyList<BootstrapMethodModel>? bootstrapMethods = null, ISet<int>? neverEqual = null)
    {
        var pool = new PoolModel([.. entries], new List<string?>(entries.Count), new Dictionary<string, int>(StringComparer.Ordinal), [.. bootstrapMethods ?? []]);
        pool.ComputeKeys(neverEqual);
        return pool;
    }

    /// <summary>Reads the pool (and BootstrapMethods) of a parsed class.</summary>
    public static PoolModel From(JavaClass javaClass, ISet<int>? neverEqual = null)
    {
        var pool = javaClass.ConstantPool;
        var entries = new PoolEntry[pool.Count];
        for (int i = 0; i < entries.Length; i++) entries[i] = PoolEntry.From(pool, i);
        var bootstrap = new List<BootstrapMethodModel>();
        if (javaClass.Attributes.Find(AttributeKind.BootstrapMethods) is { } attribute)
            foreach (var method in AttributeReaders.ReadBootstrapMethods(attribute))
                bootstrap.Add(new BootstrapMethodModel(method.MethodHandleIndex, method.Arguments));
        return Create(entries, bootstrap, neverEqual);
    }

    /// <summary>The pool length, i.e. <c>constant_pool_count</c>.</summary>
    public int Count => _entries.Count;

    public PoolEntry this[int index] => _entries[index];

    public IReadOnlyList<BootstrapMethodModel> BootstrapMethods => _bootstrapMethods;

    /// <summary>The entry's equality key, or null when it can never compare equal.</summary>
    public string? KeyAt(int index) => (uint)index < (uint)_keys.Count ? _keys[index] : null;

    /// <summary>The equality key of a bootstrap specifier (<c>compare_operand_to</c>), or null.</summary>
    public string? BootstrapKeyAt(int bootstrapIndex)
    {
        if ((uint)bootstrapIndex >= (uint)_bootstrapMethods.Count) return null;
        var method = _bootstrapMethods[bootstrapIndex];
        var parts = new string?[method.Arguments.Count + 1];
        parts[0] = KeyAt(method.MethodHandleIndex);
        for (int i = 0; i < method.Arguments.Count; i++) parts[i + 1] = KeyAt(method.Arguments[i]);
        return Compose("BSM", parts);
    }

    /// <summary>The lowest index whose entry has this key (HotSpot's <c>find_matching_entry</c>), or 0.</summary>
    public int FindFirst(string? key) => key is not null && _firstIndexByKey.TryGetValue(key, out int index) ? index : 0;

    /// <summary>Number of Float/Double entries holding a NaN bit pattern.</summary>
    public int NaNEntryCount => _entries.Count(e => e.IsNaN);

    /// <summary>A copy with the same entries and keys (HotSpot's Pass 0: the merged pool starts as the old pool).</summary>
    public PoolModel Copy() =>
        new([.. _entries], [.. _keys], new Dictionary<string, int>(_firstIndexByKey, StringComparer.Ordinal), [.. _bootstrapMethods]);

    /// <summary>
    /// A copy whose given entries, and every entry that points at them, never compare equal: the
    /// scratch pool after the verifier resolved a Throwable catch type on JDK 17–21.
    /// </summary>
    public PoolModel WithNeverEqual(ISet<int> neverEqual)
    {
        if (neverEqual.Count == 0) return this;
        var copy = Copy();
        var poisoned = new bool?[copy.Count];
        for (int i = 1; i < copy.Count; i++)
        {
            if (copy.IsPoisoned(i, neverEqual, poisoned, 0)) copy._keys[i] = null;
        }
        copy.RebuildIndex();
        return copy;
    }

    /// <summary>Appends an entry (and the unusable second slot of a Long/Double); returns its index.</summary>
    public int Append(PoolEntry entry)
    {
        int index = _entries.Count;
        _entries.Add(entry);
        string? key = KeyOf(index, entry, null, null, 0);
        _keys.Add(key);
        if (key is not null) _firstIndexByKey.TryAdd(key, index);
        if (entry.Kind.IsWide())
        {
            _entries.Add(PoolEntry.Unusable);
            _keys.Add(null);
        }
        return index;
    }

    /// <summary>Appends a bootstrap specifier; returns its index.</summary>
    public int AppendBootstrapMethod(BootstrapMethodModel method)
    {
        _bootstrapMethods.Add(method);
        return _bootstrapMethods.Count - 1;
    }

    /// <summary>The lowest bootstrap index with this key, or -1.</summary>
    public int FindBootstrapMethod(string? key)
    {
        if (key is null) return -1;
        for (int i = 0; i < _bootstrapMethods.Count; i++)
            if (BootstrapKeyAt(i) == key) return i;
        return -1;
    }

    /// <summary>The text of a Utf8 entry, or null.</summary>
    public string? Utf8At(int index) =>
        (uint)index < (uint)_entries.Count && _entries[index].Kind == ConstantKind.Utf8 ? _entries[index].Text : null;

    /// <summary>The name of a Class entry, or null.</summary>
    public string? ClassNameAt(int index) =>
        (uint)index < (uint)_entries.Count && _entries[index].Kind == ConstantKind.Class ? Utf8At(_entries[index].A) : null;

    // ----------------------------------------------------------------------------------- keys

    private void ComputeKeys(ISet<int>? neverEqual)
    {
        var memo = new string?[_entries.Count];
        var done = new bool[_entries.Count];
        for (int i = 0; i < _entries.Count; i++) _keys.Add(null);
        for (int i = 1; i < _entries.Count; i++) _keys[i] = KeyWithMemo(i, memo, done, 0);
        if (neverEqual is { Count: > 0 })
        {
            var poisoned = new bool?[_entries.Count];
            for (int i = 1; i < _entries.Count; i++)
                if (IsPoisoned(i, neverEqual, poisoned, 0)) _keys[i] = null;
        }
        RebuildIndex();
    }

    private void RebuildIndex()
    {
        _firstIndexByKey.Clear();
        for (int i = 1; i < _keys.Count; i++)
            if (_keys[i] is { } key) _firstIndexByKey.TryAdd(key, i);
    }

    private string? KeyWithMemo(int index, string?[] memo, bool[] done, int depth)
    {
        if ((uint)index >= (uint)_entries.Count) return null;
        if (done[index]) return memo[index];
        // Referents are computed first; a cycle (only possible in a malformed pool) has no key.
        if (depth > 64) return null;
        var key = KeyOf(index, _entries[index], memo, done, depth);
        memo[index] = key;
        done[index] = true;
        return key;
    }

    /// <summary>
    /// The key per tag, following <c>compare_entry_to</c>: Utf8/String by text, Integer/Long by
    /// value, Float/Double by C++ <c>==</c> (−0.0 equals +0.0; NaN equals nothing, not even an
    /// identical bit pattern), Class by name, references through their referents.
    /// </summary>
    private string? KeyOf(int index, PoolEntry entry, string?[]? memo, bool[]? done, int depth)
    {
        string? Ref(int i) => memo is null ? KeyAt(i) : KeyWithMemo(i, memo, done!, depth + 1);
        var inv = CultureInfo.InvariantCulture;
        switch (entry.Kind)
        {
            case ConstantKind.Utf8: return "U" + entry.Text;
            case ConstantKind.String: return "S" + entry.Text;
            case ConstantKind.Integer: return "I" + entry.Bits.ToString(inv);
            case ConstantKind.Long: return "J" + entry.Bits.ToString(inv);
            case ConstantKind.Float:
            {
                float value = BitConverter.UInt32BitsToSingle(unchecked((uint)entry.Bits));
                if (float.IsNaN(value)) return null;
                return "F" + (value == 0f ? 0u : BitConverter.SingleToUInt32Bits(value)).ToString(inv);
            }
            case ConstantKind.Double:
            {
                double value = BitConverter.Int64BitsToDouble(entry.Bits);
                if (double.IsNaN(value)) return null;
                return "D" + (value == 0d ? 0L : entry.Bits).ToString(inv);
            }
            case ConstantKind.Class:
            case ConstantKind.MethodType:
            case ConstantKind.Module:
            case ConstantKind.Package:
                return Compose(((int)entry.Kind).ToString(inv), Ref(entry.A));
            case ConstantKind.Fieldref:
            case ConstantKind.Methodref:
            case ConstantKind.InterfaceMethodref:
            case ConstantKind.NameAndType:
                return Compose(((int)entry.Kind).ToString(inv), Ref(entry.A), Ref(entry.B));
            case ConstantKind.MethodHandle:
                return Compose("MH" + entry.A.ToString(inv), Ref(entry.B));
            case ConstantKind.Dynamic:
            case ConstantKind.InvokeDynamic:
            {
                string? bootstrap = null;
                if ((uint)entry.A < (uint)_bootstrapMethods.Count)
                {
                    var method = _bootstrapMethods[entry.A];
                    var parts = new string?[method.Arguments.Count + 1];
                    parts[0] = Ref(method.MethodHandleIndex);
                    for (int i = 0; i < method.Arguments.Count; i++) parts[i + 1] = Ref(method.Arguments[i]);
                    bootstrap = Compose("BSM", parts);
                }
                return Compose(((int)entry.Kind).ToString(inv), bootstrap, Ref(entry.B));
            }
            default:
                return null;
        }
    }

    /// <summary>Joins sub-keys unambiguously (length-prefixed); null when any part is null.</summary>
    private static string? Compose(string head, params string?[] parts)
    {
        var builder = new StringBuilder(head).Append('(');
        foreach (var part in parts)
        {
            if (part is null) return null;
            builder.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }
        return builder.Append(')').ToString();
    }

    private bool IsPoisoned(int index, ISet<int> neverEqual, bool?[] memo, int depth)
    {
        if ((uint)index >= (uint)_entries.Count || depth > 64) return false;
        if (memo[index] is { } known) return known;
        var entry = _entries[index];
        bool result = neverEqual.Contains(index) || entry.Kind switch
        {
            ConstantKind.Fieldref or ConstantKind.Methodref or ConstantKind.InterfaceMethodref =>
                IsPoisoned(entry.A, neverEqual, memo, depth + 1) || IsPoisoned(entry.B, neverEqual, memo, depth + 1),
            ConstantKind.MethodHandle => IsPoisoned(entry.B, neverEqual, memo, depth + 1),
            ConstantKind.Dynamic or ConstantKind.InvokeDynamic =>
                (uint)entry.A < (uint)_bootstrapMethods.Count
                && (IsPoisoned(_bootstrapMethods[entry.A].MethodHandleIndex, neverEqual, memo, depth + 1)
                    || _bootstrapMethods[entry.A].Arguments.Any(a => IsPoisoned(a, neverEqual, memo, depth + 1))),
            _ => false,
        };
        memo[index] = result;
        return result;
    }
}
