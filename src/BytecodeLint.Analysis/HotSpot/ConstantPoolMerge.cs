using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// <c>VM_RedefineClasses::merge_constant_pools</c> (17.0.15 src l.1596; research §2.3): Pass 0
/// copies the old pool to the same indices; Pass 1a compares each scratch entry below the old
/// length with the old entry at the same index, then accepts a resolved/unresolved class pair of
/// the same name, then searches for the first equal entry, then appends; Pass 1b does the search
/// and append for the rest. Appending an entry first finds or appends what it points at
/// (<c>find_or_append_indirect_entry</c>), so a Methodref whose class never matches drags a fresh
/// class entry along.
/// </summary>
internal sealed class ConstantPoolMerge
{
    private readonly PoolModel _scratch;
    private readonly ISet<int> _resolved;
    private readonly PoolModel _merged;
    private readonly IndexMap _map;

    private ConstantPoolMerge(PoolModel old, PoolModel scratch, ISet<int> resolved, bool forkOld)
    {
        _scratch = scratch;
        _resolved = resolved;
        _merged = forkOld ? old.Fork() : old.Copy();
        _map = new IndexMap(scratch.Count);
    }

    public int AppendedSlots { get; private set; }

    public int AppendedEntries { get; private set; }

    /// <param name="old">The running class's pool (its resolution state does not matter: Pass 0 writes classes back unresolved).</param>
    /// <param name="scratch">The new version's pool, with keys already null for entries that can never match.</param>
    /// <param name="resolved">Scratch Class entries the verifier resolved (for the same-index class mismatch rule).</param>
    /// <param name="forkOld">The caller owns <paramref name="old"/> exclusively, so the merged pool may share its store (<see cref="PoolModel.Fork"/>).</param>
    public static (PoolModel Merged, IndexMap Map, int AppendedEntries, int AppendedSlots) Run(PoolModel old, PoolModel scratch, ISet<int> resolved, bool forkOld = false)
    {
        var merge = new ConstantPoolMerge(old, scratch, resolved, forkOld);
        merge.Passes(old.Count);
        return (merge._merged, merge._map, merge.AppendedEntries, merge.AppendedSlots);
    }

    private void Passes(int oldLength)
    {
        int i = 1;
        // Pass 1a: scratch indices that exist in the old pool.
        for (; i < oldLength && i < _scratch.Count; i += Increment(i))
        {
            if (_scratch[i].Kind == ConstantKind.None) continue;
            string? key = _scratch.KeyAt(i);
            if (key is not null && _merged.KeyAt(i) == key) continue;
            if (IsUnresolvedClassMismatch(i)) continue;
            int found = _merged.FindFirst(key);
            if (found != 0)
            {
                _map.Map(i, found);
                continue;
            }
            AppendEntry(i);
        }
        // Pass 1b: scratch indices past the old pool's end.
        for (; i < _scratch.Count; i += Increment(i))
        {
            if (_scratch[i].Kind == ConstantKind.None) continue;
            int found = _merged.FindFirst(_scratch.KeyAt(i));
            if (found != 0)
            {
                _map.Map(i, found);
                continue;
            }
            AppendEntry(i);
        }
    }

    private int Increment(int i) => _scratch[i].Kind.IsWide() ? 2 : 1;

    /// <summary>
    /// <c>is_unresolved_class_mismatch</c>: both are class entries of the same name, one resolved
    /// (the scratch's, by the verifier) and one not (the merged copy, reverted by Pass 0).
    /// </summary>
    private bool IsUnresolvedClassMismatch(int i) =>
        _resolved.Contains(i) && _scratch[i].Kind == ConstantKind.Class && i < _merged.Count
        && _merged[i].Kind == ConstantKind.Class && _scratch.ClassNameAt(i) == _merged.ClassNameAt(i);

    /// <summary><c>append_entry</c>: referents first, then the entry at the merged pool's end (classes always unresolved).</summary>
    private void AppendEntry(int scratchIndex)
    {
        var entry = _scratch[scratchIndex];
        var copy = entry.Kind switch
        {
            ConstantKind.Class or ConstantKind.MethodType or ConstantKind.Module or ConstantKind.Package =>
                entry with { A = FindOrAppendIndirect(entry.A) },
            ConstantKind.NameAndType or ConstantKind.Fieldref or ConstantKind.Methodref or ConstantKind.InterfaceMethodref =>
                entry with { A = FindOrAppendIndirect(entry.A), B = FindOrAppendIndirect(entry.B) },
            ConstantKind.MethodHandle => entry with { B = FindOrAppendIndirect(entry.B) },
            ConstantKind.Dynamic or ConstantKind.InvokeDynamic =>
                entry with { A = FindOrAppendBootstrap(entry.A), B = FindOrAppendIndirect(entry.B) },
            _ => entry, // Utf8, Integer, Float, Long, Double, String: direct entries
        };
        int at = _merged.Append(copy);
        AppendedEntries++;
        AppendedSlots += copy.Slots;
        _map.Map(scratchIndex, at);
    }

    /// <summary><c>find_or_append_indirect_entry</c>: same index, else first equal entry, else append.</summary>
    private int FindOrAppendIndirect(int reference)
    {
        string? key = _scratch.KeyAt(reference);
        if (key is not null && reference < _merged.Count && _merged.KeyAt(reference) == key) return reference;
        int found = _merged.FindFirst(key);
        if (found != 0)
        {
            _map.Map(reference, found);
            return found;
        }
        AppendEntry(reference);
        return _merged.Count - 1;
    }

    /// <summary>
    /// <c>find_or_append_operand</c>: bootstrap specifiers are merged the same way (same index,
    /// first equal one, else appended with their arguments); their map is not the index map.
    /// </summary>
    private int FindOrAppendBootstrap(int bootstrapIndex)
    {
        string? key = _scratch.BootstrapKeyAt(bootstrapIndex);
        if (key is not null && _merged.BootstrapKeyAt(bootstrapIndex) == key) return bootstrapIndex;
        if (_merged.FindBootstrapMethod(key) is var found and >= 0) return found;
        if ((uint)bootstrapIndex >= (uint)_scratch.BootstrapMethods.Count) return bootstrapIndex;
        var method = _scratch.BootstrapMethods[bootstrapIndex];
        int handle = FindOrAppendIndirect(method.MethodHandleIndex);
        var arguments = method.Arguments.Select(FindOrAppendIndirect).ToArray();
        return _merged.AppendBootstrapMethod(new BootstrapMethodModel(handle, arguments));
    }
}
