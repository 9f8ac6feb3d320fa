namespace BytecodeLint.Metaspace.ClassNames;

/// <summary>
/// Names classes in a redefinition log that does not print names. HotSpot's <c>old_cp_len</c> of a
/// class's first redefinition is the <c>constant_pool_count</c> of the class as loaded, so the classes
/// the user supplies can be matched by pool length. This is the seam where <c>scan</c> findings will
/// also be cross-referenced once the engine lands (issue 9: "cross-reference scan findings").
/// </summary>
public interface IClassPoolIndex
{
    /// <summary>Binary names (dotted) of the known classes whose <c>constant_pool_count</c> is <paramref name="poolLength"/>.</summary>
    IReadOnlyList<string> ClassesWithPoolLength(int poolLength);
}
