using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// The retransform at which a class's NaN constants push the merged pool past 65,535 entries,
/// computed without replaying the doubling (docs/design/hotspot.md §5). It returns exactly what
/// <see cref="HotSpotModel.Simulate(ClassModel, ClassModel?, JdkProfile, int, bool)"/> reports as
/// <c>OverflowAtRetransform</c> for <see cref="HotSpotModel.NaNOverflowSearchLimit"/> retransforms
/// with no transformer, at a fraction of the cost: that simulation copies every NaN entry again on
/// every step, so its pools double to ~65k–130k entries (~27 ms and ~9.5 MB per class).
/// </summary>
/// <remarks>
/// <para>Why arithmetic suffices. With no transformer the scratch class of each retransform is the
/// class the previous merge produced, so old and scratch pools are the same entries. Pass 1a then
/// keeps every entry with an equality key at its own index and appends exactly the entries with no
/// key (except a resolved class of the same name, which stays). A NaN Float/Double has no key and
/// points at nothing, so it is appended as a bare copy; when nothing else in the pool points at a
/// NaN entry (no reference field, no bootstrap handle or argument), the NaN copies and the rest of
/// the merge never interact except by shifting where the other appended entries land, which
/// changes no key and so no decision. Hence, with <c>c</c> = slots of the NaN entries (Float 1,
/// Double 2) and <c>m(k)</c> = the pool after k retransforms of the same class with its NaNs made
/// ordinary numbers:</para>
/// <para><c>n(k) = m(k) + c·(2^k − 1)</c>: retransform k appends every NaN entry the pool holds,
/// c·2^(k−1) slots, doubling them.</para>
/// <para><c>m(k)</c> is the original size n₀ for almost every class (nothing else lacks a key), and
/// otherwise is computed by merging the NaN-free class step by step, which stays small (the JDK
/// 17–21 Throwable leak adds a constant per step). Once a step appends nothing the class is a fixed
/// point (nothing appended means nothing remapped), so m stays constant from then on.</para>
/// <para>A class where some entry or bootstrap specifier points at a NaN entry (a dynamic constant
/// with a NaN static argument, or a malformed pool) falls back to the full simulation.</para>
/// </remarks>
internal static class NaNOverflowPrediction
{
    /// <summary>How <see cref="Retransforms(ClassModel, JdkProfile, bool, out NaNPredictionPath)"/> got its answer (tests check the cheap paths are taken).</summary>
    internal enum NaNPredictionPath
    {
        /// <summary>m(k) = n₀: pure arithmetic.</summary>
        ClosedForm,

        /// <summary>m(k) from merging the NaN-free class until it stops growing, plus the NaN arithmetic.</summary>
        NaNFreeSteps,

        /// <summary>Something points at a NaN entry: the full simulation.</summary>
        FullSimulation,
    }

    public static int? Retransforms(ClassModel model, JdkProfile profile, bool unverified) => Retransforms(model, profile, unverified, out _);

    internal static int? Retransforms(ClassModel model, JdkProfile profile, bool unverified, out NaNPredictionPath path)
    {
        var pool = model.Pool;
        var nanIndices = new List<int>();
        long nanSlots = 0;
        bool otherNeverEqual = false;
        // Visit the entries the way the merge's Pass 1a does (a Long/Double takes two slots).
        for (int i = 1; i < pool.Count; i += pool[i].Slots)
        {
            var entry = pool[i];
            if (entry.Kind == ConstantKind.None) continue;
            if (entry.IsNaN)
            {
                nanIndices.Add(i);
                nanSlots += entry.Slots;
            }
            else if (pool.KeyAt(i) is null)
            {
                otherNeverEqual = true;
            }
        }
        if (nanIndices.Count == 0 || PointsAtNaN(pool, nanIndices))
        {
            path = NaNPredictionPath.FullSimulation;
            return Simulated(model, profile, unverified);
        }

        // Nothing but the NaN entries can be appended unless another entry lacks a key or the
        // verifier hides a resolved Throwable class on this JDK: then m(k) = n₀ for every k.
        bool growsOtherwise = otherNeverEqual || (profile.ThrowableLeak && model.ResolvedByVerifier(profile, unverified).Count > 0);
        var neutral = growsOtherwise ? WithoutNaN(model, nanIndices) : null;
        path = growsOtherwise ? NaNPredictionPath.NaNFreeSteps : NaNPredictionPath.ClosedForm;

        long nonNaNCount = pool.Count;
        long nanSlotsInPool = nanSlots;
        long appendedNaNSlots = 0;
        for (int r = 1; r <= HotSpotModel.NaNOverflowSearchLimit; r++)
        {
            if (neutral is not null)
            {
                var outcome = HotSpotModel.MergeInSequence(neutral, profile, unverified, forkOld: r > 1);
                nonNaNCount = outcome.MergedConstantPoolCount;
                neutral = outcome.AppendedEntries == 0 ? null : outcome.Result;
            }
            appendedNaNSlots += nanSlotsInPool;
            nanSlotsInPool *= 2;
            if (nonNaNCount + appendedNaNSlots > MetaspaceCost.MaxPoolCount) return r;
        }
        return null;
    }

    /// <summary>The original step-by-step answer (HotSpotModel.Simulate), for classes the arithmetic does not cover.</summary>
    internal static int? Simulated(ClassModel model, JdkProfile profile, bool unverified) =>
        HotSpotModel.Simulate(model, null, profile, HotSpotModel.NaNOverflowSearchLimit, unverified).OverflowAtRetransform;

    /// <summary>
    /// Whether any entry field or bootstrap specifier could refer to a NaN entry. Deliberately
    /// broad (it also looks at a MethodHandle's reference kind and a dynamic constant's bootstrap
    /// index): a false alarm only costs the full simulation.
    /// </summary>
    private static bool PointsAtNaN(PoolModel pool, List<int> nanIndices)
    {
        var nan = new HashSet<int>(nanIndices);
        for (int i = 1; i < pool.Count; i++)
        {
            var entry = pool[i];
            if (entry.Kind is ConstantKind.None or ConstantKind.Utf8 or ConstantKind.String or ConstantKind.Integer
                or ConstantKind.Float or ConstantKind.Long or ConstantKind.Double)
                continue;
            if (nan.Contains(entry.A) || nan.Contains(entry.B)) return true;
        }
        foreach (var method in pool.BootstrapMethods)
            if (nan.Contains(method.MethodHandleIndex) || method.Arguments.Any(nan.Contains)) return true;
        return false;
    }

    /// <summary>The same class with every NaN entry replaced by a zero of the same width, so only the rest can grow.</summary>
    private static ClassModel WithoutNaN(ClassModel model, List<int> nanIndices)
    {
        var entries = new PoolEntry[model.Pool.Count];
        for (int i = 0; i < entries.Length; i++) entries[i] = model.Pool[i];
        foreach (int i in nanIndices) entries[i] = entries[i] with { Bits = 0 };
        var pool = PoolModel.Create(entries, model.Pool.BootstrapMethods);
        return new ClassModel(model.Name, model.MajorVersion, pool, model.Methods, model.ClassReferences);
    }
}
