namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// HotSpot's <c>_index_map_p</c>: scratch index → merged index for every scratch entry that did
/// not stay at its own index. Like <c>map_index</c>, the first mapping of an index wins and an
/// identity mapping is not recorded, so <see cref="Count"/> is the logged <c>index_map_len</c>.
/// </summary>
public sealed class IndexMap
{
    private readonly int[] _map;

    public IndexMap(int scratchLength) => _map = new int[Math.Max(scratchLength, 1)];

    /// <summary>Number of mapped indices (<c>index_map_len</c>).</summary>
    public int Count { get; private set; }

    /// <summary>Size of the scratch pool the map is indexed by.</summary>
    public int Length => _map.Length;

    /// <summary>The mapped index, or 0 when <paramref name="scratchIndex"/> is not mapped (<c>find_new_index</c>).</summary>
    public int Find(int scratchIndex) => (uint)scratchIndex < (uint)_map.Length ? _map[scratchIndex] : 0;

    /// <summary>The index a reference ends up with: the mapped one, or itself.</summary>
    public int Apply(int scratchIndex) => Find(scratchIndex) is var mapped and not 0 ? mapped : scratchIndex;

    internal void Map(int scratchIndex, int mergedIndex)
    {
        if ((uint)scratchIndex >= (uint)_map.Length || _map[scratchIndex] != 0 || scratchIndex == mergedIndex) return;
        _map[scratchIndex] = mergedIndex;
        Count++;
    }

    /// <summary>The mapped pairs in scratch-index order.</summary>
    public IEnumerable<(int Scratch, int Merged)> Pairs()
    {
        for (int i = 1; i < _map.Length; i++)
            if (_map[i] != 0) yield return (i, _map[i]);
    }
}
