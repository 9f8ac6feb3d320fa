using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>
/// Entry points of the HotSpot model: what <c>VM_RedefineClasses</c> does to a class on
/// retransform (docs/design/hotspot.md §1) and what it costs (§2, §4, §5). Rules and <c>simulate</c> call
/// only this, so every HotSpot number lives in this folder.
/// </summary>
public static class HotSpotModel
{
    /// <summary>Retransforms <see cref="NaNOverflowRetransforms"/> tries before giving up (doubling from one slot passes 65,535 in 17).</summary>
    public const int NaNOverflowSearchLimit = 64;

    /// <summary>
    /// One merge: <paramref name="old"/> is the running class, <paramref name="scratch"/> the new
    /// version HotSpot parsed. On JDK 17–21 the scratch class's Throwable catch types are resolved
    /// by the verifier first, unless <paramref name="unverified"/> (boot loader, verification off) or
    /// the class file is older than 50.
    /// </summary>
    public static MergeOutcome Merge(ClassModel old, ClassModel scratch, JdkProfile profile, bool unverified = false) =>
        Merge(old, scratch, profile, unverified, forkOld: false);

    /// <summary>One retransform with no transformer: <paramref name="current"/> is both the running class and the scratch class.</summary>
    /// <param name="forkOld">Only when the caller owns <paramref name="current"/> (it came out of an earlier merge of the same sequence).</param>
    internal static MergeOutcome MergeInSequence(ClassModel current, JdkProfile profile, bool unverified, bool forkOld) =>
        Merge(current, current, profile, unverified, forkOld);

    /// <param name="forkOld">Only inside a sequence that owns <paramref name="old"/>: the merged pool then shares its store.</param>
    private static MergeOutcome Merge(ClassModel old, ClassModel scratch, JdkProfile profile, bool unverified, bool forkOld)
    {
        var resolved = scratch.ResolvedByVerifier(profile, unverified);
        // From JDK 22 a resolved class compares by name, so resolution changes nothing.
        ISet<int> neverEqual = profile.ThrowableLeak ? resolved : new HashSet<int>();
        var scratchPool = scratch.Pool.WithNeverEqual(neverEqual);
        var (merged, map, appendedEntries, appendedSlots) = ConstantPoolMerge.Run(old.Pool, scratchPool, neverEqual, forkOld);
        var result = scratch.Rewrite(merged, map, out int[] widened, out int[] patched);
        // The clones are those of the scratch methods, all in the class loader's one arena.
        var cost = MetaspaceCost.LdcWideningBytes(scratch.Methods.Select((method, m) => (method.Shape, widened[m])).ToArray(), profile);
        var methods = new List<MethodMergeOutcome>();
        for (int m = 0; m < scratch.Methods.Count; m++)
        {
            var method = scratch.Methods[m];
            if (!method.HasCode) continue;
            methods.Add(new MethodMergeOutcome(method.Name, method.Descriptor, widened[m], patched[m], method.S, method.CodeLength, method.StackMapTableLength,
                method.LineNumberEntries, cost[m], MetaspaceCost.LdcWidening(method.S, widened[m])));
        }
        return new MergeOutcome(old.Pool.Count, scratch.Pool.Count, merged.Count, map.Count, appendedEntries, appendedSlots, methods, map, result);
    }

    /// <summary>One merge of two parsed classes (the running class as loaded, the class HotSpot parses on retransform).</summary>
    public static MergeOutcome Merge(JavaClass oldClass, JavaClass scratchClass, JdkProfile profile, bool unverified = false) =>
        Merge(ClassModel.From(oldClass), ClassModel.From(scratchClass), profile, unverified);

    /// <summary>
    /// <paramref name="retransforms"/> retransforms of <paramref name="original"/>. With
    /// <paramref name="transformed"/> null the JVM's reconstituted bytes are the scratch class each
    /// time (no transformer); otherwise every retransform merges <paramref name="transformed"/>
    /// into the pool the previous one left. Stops at the retransform whose merged pool passes
    /// 65,535 entries (JDK 17 hung or died there; JDK 21/23+ refuse it and keep refusing).
    /// </summary>
    public static RetransformSimulation Simulate(JavaClass original, JavaClass? transformed, JdkProfile profile, int retransforms, bool unverified = false) =>
        Simulate(ClassModel.From(original), transformed is null ? null : ClassModel.From(transformed), profile, retransforms, unverified);

    public static RetransformSimulation Simulate(ClassModel original, ClassModel? transformed, JdkProfile profile, int retransforms, bool unverified = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retransforms, 1);
        var current = original;
        var steps = new List<RetransformStep>(Math.Min(retransforms, 4096));
        MergeOutcome? first = null;
        int? overflow = null;
        for (int r = 1; r <= retransforms; r++)
        {
            // From the second retransform on, `current` is the pool this loop produced, so the next
            // merged pool may extend it in place instead of copying it.
            var outcome = Merge(current, transformed ?? current, profile, unverified, forkOld: r > 1);
            first ??= outcome;
            steps.Add(new RetransformStep(r, outcome.OldConstantPoolCount, outcome.ScratchConstantPoolCount, outcome.MergedConstantPoolCount,
                outcome.IndexMapLength, outcome.AppendedEntries, outcome.WidenedLdc, outcome.PatchedLdc));
            if (outcome.Overflows)
            {
                overflow = r;
                break;
            }
            current = outcome.Result;
        }
        return new RetransformSimulation(profile, transformed is null ? ScratchSource.Reconstituted : ScratchSource.SameTransformedClass,
            retransforms, first!, steps, overflow, current);
    }

    /// <summary>
    /// Pool growth of the <paramref name="retransforms"/>-th retransform with no transformer (BL0001:
    /// 2 on JDK 17–21 for a leaking class, 0 elsewhere).
    /// </summary>
    public static int RetransformGrowth(JavaClass javaClass, JdkProfile profile, int retransforms, bool unverified = false) =>
        Simulate(javaClass, null, profile, retransforms, unverified).GrowthPerRetransform;

    /// <summary>
    /// The retransform (with no transformer) whose merged pool first passes 65,535 entries because
    /// NaN Float/Double entries are appended again every time (docs/design/hotspot.md §5), or null when the class
    /// holds no NaN constant. The same on every JDK (no fix as of 25).
    /// </summary>
    /// <remarks>
    /// Computed in closed form, n(k) = m(k) + c·(2^k − 1), not by replaying the doubling pools; the
    /// answer equals <see cref="Simulate(ClassModel, ClassModel?, JdkProfile, int, bool)"/>'s
    /// <c>OverflowAtRetransform</c> over <see cref="NaNOverflowSearchLimit"/> retransforms (see
    /// <see cref="NaNOverflowPrediction"/>).
    /// </remarks>
    public static int? NaNOverflowRetransforms(JavaClass javaClass, JdkProfile? profile = null, bool unverified = false)
    {
        var model = ClassModel.From(javaClass);
        if (model.Pool.NaNEntryCount == 0) return null;
        return NaNOverflowPrediction.Retransforms(model, profile ?? JdkProfile.Any, unverified);
    }

    /// <summary>
    /// BL0003 what-if from one class file: the most <c>ldc</c> a pool-rebuilding enhancer could widen
    /// (docs/design/hotspot.md §4 "W from the class file alone"). See <see cref="RebuildWhatIf"/>.
    /// </summary>
    public static RebuildWhatIf WorstCaseRebuildWidenings(JavaClass javaClass, int enhancerLdcPerMethod = 0) =>
        RebuildWhatIf.Compute(ClassModel.From(javaClass), enhancerLdcPerMethod);
}
