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
    // Retransform sequences merge the pool they just produced, and every merged pool starts as a
    // copy of the old one: such forks share one append-only store, each seeing its first _count
    // entries, and only the newest version may append in place (others copy first).
    private Store _store;
    private int _count;
    private int _bootstrapCount;
    private readonly HashSet<int>? _neverEqual; // entries whose key this version hides (resolved classes and what points at them)
    private Dictionary<string, int>? _ownIndex; // search index of a version with hidden keys

    private sealed class Store
    {
        public List<PoolEntry> Entries = [];
        public List<string?> Keys = [];
        public List<BootstrapMethodModel> BootstrapMethods = [];
        public Dictionary<string, int>? FirstIndexByKey; // built on the first search: scratch pools are never searched
    }

    private PoolModel(Store store, int count, int bootstrapCount, HashSet<int>? neverEqual)
    {
        _store = store;
        _count = count;
        _bootstrapCount = bootstrapCount;
        _neverEqual = neverEqual;
    }

    /// <summary>Builds a pool from entries indexed from 0 (entry 0 and second slots of Long/Double unusable).</summary>
    public static PoolModel Create(IReadOnlyList<PoolEntry> entries, IReadOnlyList<BootstrapMethodModel>? bootstrapMethods = null, ISet<int>? neverEqual = null)
    {
        var store = new Store { Entries = [.. entries], BootstrapMethods = [.. bootstrapMethods ?? []] };
        var pool = new PoolModel(store, store.Entries.Count, store.BootstrapMethods.Count, null);
        pool.ComputeKeys();
        return neverEqual is { Count: > 0 } ? pool.WithNeverEqual(neverEqual) : pool;
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
    public int Count => _count;

    public PoolEntry this[int index] => (uint)index < (uint)_count ? _store.Entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IReadOnlyList<BootstrapMethodModel> BootstrapMethods => _store.BootstrapMethods.GetRange(0, _bootstrapCount);

    /// <summary>The entry's equality key, or null when it can never compare equal.</summary>
    public string? KeyAt(int index) =>
        (uint)index < (uint)_count && (_neverEqual is null || !_neverEqual.Contains(index)) ? _store.Keys[index] : null;

    /// <summary>The equality key of a bootstrap specifier (<c>compare_operand_to</c>), or null.</summary>
    public string? BootstrapKeyAt(int bootstrapIndex)
    {
        if ((uint)bootstrapIndex >= (uint)_bootstrapCount) return null;
        var method = _store.BootstrapMethods[bootstrapIndex];
        var parts = new string?[method.Arguments.Count + 1];
        parts[0] = KeyAt(method.MethodHandleIndex);
        for (int i = 0; i < method.Arguments.Count; i++) parts[i + 1] = KeyAt(method.Arguments[i]);
        return Compose("BSM", parts);
    }

    /// <summary>The lowest index whose entry has this key (HotSpot's <c>find_matching_entry</c>), or 0.</summary>
    public int FindFirst(string? key)
    {
        if (key is null) return 0;
        if (_neverEqual is not null)
        {
            if (_ownIndex is null)
            {
                _ownIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 1; i < _count; i++)
                    if (KeyAt(i) is { } k) _ownIndex.TryAdd(k, i);
            }
            return _ownIndex.TryGetValue(key, out int own) ? own : 0;
        }
        var index = _store.FirstIndexByKey;
        if (index is null)
        {
            index = new Dictionary<string, int>(_store.Keys.Count, StringComparer.Ordinal);
            for (int i = 1; i < _store.Keys.Count; i++)
                if (_store.Keys[i] is { } k) index.TryAdd(k, i);
            _store.FirstIndexByKey = index;
        }
        // The store may hold entries a newer version appended; the first index is the lowest
        // overall, so if it lies past this version's end the key does not occur in this version.
        return index.TryGetValue(key, out int found) && found < _count ? found : 0;
    }

    /// <summary>Number of Float/Double entries holding a NaN bit pattern.</summary>
    public int NaNEntryCount
    {
        get
        {
            int count = 0;
            for (int i = 1; i < _count; i++) if (_store.Entries[i].IsNaN) count++;
            return count;
        }
    }

    /// <summary>A private copy with the same entries and keys (HotSpot's Pass 0: the merged pool starts as the old pool).</summary>
    public PoolModel Copy()
    {
        if (_neverEqual is not null) throw new InvalidOperationException("A pool with hidden keys is a scratch pool and is never copied for merging.");
        var store = new Store
        {
            Entries = _store.Entries.GetRange(0, _count),
            Keys = _store.Keys.GetRange(0, _count),
            BootstrapMethods = _store.BootstrapMethods.GetRange(0, _bootstrapCount),
        };
        return new PoolModel(store, _count, _bootstrapCount, null);
    }

    /// <summary>
    /// An O(1) copy that shares this version's store and appends to it in place while it is the
    /// newest version. Only for a caller that owns this pool exclusively (a retransform sequence
    /// merging the pool it just produced, on one thread): versions sharing a store must not be
    /// appended to from several threads.
    /// </summary>
    internal PoolModel Fork() => new(_store, _count, _bootstrapCount, _neverEqual);

    /// <summary>
    /// A version whose given entries, and every entry that points at them, never compare equal: the
    /// scratch pool after the verifier resolved a Throwable catch type on JDK 17–21.
    /// </summary>
    public PoolModel WithNeverEqual(ISet<int> neverEqual)
    {
        if (neverEqual.Count == 0) return this;
        var hidden = new HashSet<int>(neverEqual.Where(i => (uint)i < (uint)_count));
        if (_neverEqual is not null) hidden.UnionWith(_neverEqual);
        // What can point at a hidden entry, in dependency order: member refs (through their class),
        // method handles (through their member ref), then dynamic constants (through their bootstrap
        // specifier), repeated until nothing changes because a dynamic constant can take another as
        // a static argument. One linear pass per level instead of a recursive walk per entry.
        var entries = _store.Entries;
        for (int i = 1; i < _count; i++)
            if (entries[i].Kind.IsMemberRef() && hidden.Contains(entries[i].A)) hidden.Add(i);
        for (int i = 1; i < _count; i++)
            if (entries[i].Kind == ConstantKind.MethodHandle && hidden.Contains(entries[i].B)) hidden.Add(i);
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int i = 1; i < _count; i++)
            {
                var entry = entries[i];
                if (entry.Kind is not (ConstantKind.Dynamic or ConstantKind.InvokeDynamic) || hidden.Contains(i)) continue;
                if ((uint)entry.A >= (uint)_bootstrapCount) continue;
                var method = _store.BootstrapMethods[entry.A];
                if (hidden.Contains(method.MethodHandleIndex) || method.Arguments.Any(hidden.Contains))
                {
                    hidden.Add(i);
                    changed = true;
                }
            }
        }
        return new PoolModel(_store, _count, _bootstrapCount, hidden);
    }

    /// <summary>Appends an entry (and the unusable second slot of a Long/Double); returns its index.</summary>
    public int Append(PoolEntry entry)
    {
        EnsureWritable();
        int index = _count;
        _store.Entries.Add(entry);
        string? key = KeyOf(entry, null, null, 0);
        _store.Keys.Add(key);
        if (key is not null) _store.FirstIndexByKey?.TryAdd(key, index);
        _count++;
        if (entry.Kind.IsWide())
        {
            _store.Entries.Add(PoolEntry.Unusable);
            _store.Keys.Add(null);
            _count++;
        }
        return index;
    }

    /// <summary>Appends a bootstrap specifier; returns its index.</summary>
    public int AppendBootstrapMethod(BootstrapMethodModel method)
    {
        EnsureWritable();
        _store.BootstrapMethods.Add(method);
        return _bootstrapCount++;
    }

    /// <summary>The lowest bootstrap index with this key, or -1.</summary>
    public int FindBootstrapMethod(string? key)
    {
        if (key is null) return -1;
        for (int i = 0; i < _bootstrapCount; i++)
            if (BootstrapKeyAt(i) == key) return i;
        return -1;
    }

    /// <summary>Takes a private store unless this version is the newest one of its store.</summary>
    private void EnsureWritable()
    {
        if (_neverEqual is not null) throw new InvalidOperationException("A pool with hidden keys is a scratch pool and is never appended to.");
        if (_count == _store.Entries.Count && _bootstrapCount == _store.BootstrapMethods.Count) return;
        _store = new Store
        {
            Entries = _store.Entries.GetRange(0, _count),
            Keys = _store.Keys.GetRange(0, _count),
            BootstrapMethods = _store.BootstrapMethods.GetRange(0, _bootstrapCount),
        };
    }

    /// <summary>The text of a Utf8 entry, or null.</summary>
    public string? Utf8At(int index) =>
        (uint)index < (uint)_count && _store.Entries[index].Kind == ConstantKind.Utf8 ? _store.Entries[index].Text : null;

    /// <summary>The name of a Class entry, or null.</summary>
    public string? ClassNameAt(int index) =>
        (uint)index < (uint)_count && _store.Entries[index].Kind == ConstantKind.Class ? Utf8At(_store.Entries[index].A) : null;

    // ----------------------------------------------------------------------------------- keys

    private void ComputeKeys()
    {
        var entries = _store.Entries;
        var memo = new string?[entries.Count];
        var done = new bool[entries.Count];
        _store.Keys = new List<string?>(entries.Count) { null };
        for (int i = 1; i < entries.Count; i++) _store.Keys.Add(KeyWithMemo(i, memo, done, 0));
    }

    private string? KeyWithMemo(int index, string?[] memo, bool[] done, int depth)
    {
        if ((uint)index >= (uint)_store.Entries.Count) return null;
        if (done[index]) return memo[index];
        // Referents are computed first; a cycle (only possible in a malformed pool) has no key.
        if (depth > 64) return null;
        var key = KeyOf(_store.Entries[index], memo, done, depth);
        memo[index] = key;
        done[index] = true;
        return key;
    }

    /// <summary>
    /// The key per tag, following <c>compare_entry_to</c>: Utf8/String by text, Integer/Long by
    /// value, Float/Double by C++ <c>==</c> (−0.0 equals +0.0; NaN equals nothing, not even an
    /// identical bit pattern), Class by name, references through their referents.
    /// </summary>
    private string? KeyOf(PoolEntry entry, string?[]? memo, bool[]? done, int depth)
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
                if ((uint)entry.A < (uint)_store.BootstrapMethods.Count)
                {
                    var method = _store.BootstrapMethods[entry.A];
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
}
