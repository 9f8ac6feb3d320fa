using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.HotSpot;

/// <summary>Worst-case widenings of one method under a pool-rebuilding enhancer.</summary>
public sealed record MethodWhatIf(string Name, string Descriptor, int WorstCaseWidenedLdc, long S, long EstimatedBytes);

/// <summary>
/// The BL0003 what-if: the most <c>ldc</c> a pool-rebuilding enhancer (fresh ASM ClassWriter) could
/// make HotSpot widen on one retransform, from the original class alone (docs/design/hotspot.md §4).
/// <list type="bullet">
/// <item>A constant the original pool holds maps back to its old index (the merge finds the old
/// entry), so only an <c>ldc</c>/<c>ldc_w</c> of a single-slot constant whose old index is above
/// 255 can widen, and only if the rebuilt pool puts it at 255 or below.</item>
/// <item>Indices 1–255 hold at most 255 slots, and a String, Class or MethodType also needs its Utf8
/// there (ASM writes the Utf8 first), so the constants are taken greedily by number of loading
/// instructions until those slots are used up.</item>
/// <item>The enhancer's own new constants are appended above the old pool, so each new <c>ldc</c>
/// widens once the old pool has 255 entries or more.</item>
/// </list>
/// The estimate uses the original method's shape as a proxy for the transformed one's.
/// </summary>
public sealed record RebuildWhatIf(IReadOnlyList<MethodWhatIf> Methods, int ConstantPoolCount)
{
    /// <summary>Slots available below 256 in a rebuilt pool.</summary>
    public const int OneByteSlots = 255;

    public int WorstCaseWidenedLdc => Methods.Sum(m => m.WorstCaseWidenedLdc);

    /// <summary>Σ per-method clone cost (<see cref="MetaspaceCost.LdcWideningBytes"/>) + 42 KiB when anything widens.</summary>
    public long EstimatedBytes => WorstCaseWidenedLdc == 0 ? 0 : Methods.Sum(m => m.EstimatedBytes) + MetaspaceCost.RefitBaseBytes;

    internal static RebuildWhatIf Compute(ClassModel model, int enhancerLdcPerMethod)
    {
        var pool = model.Pool;
        // Sites per constant index, over the whole class (the rebuilt pool is shared by all methods).
        var sites = new Dictionary<int, int>();
        foreach (var method in model.Methods)
            foreach (var reference in method.References)
                if (IsCandidate(pool, reference)) sites[reference.Index] = sites.GetValueOrDefault(reference.Index) + 1;
        var chosen = new HashSet<int>();
        int budget = OneByteSlots;
        foreach (var (index, _) in sites.OrderByDescending(p => p.Value).ThenBy(p => SlotCost(pool[p.Key].Kind)).ThenBy(p => p.Key))
        {
            int cost = SlotCost(pool[index].Kind);
            if (cost > budget) continue;
            budget -= cost;
            chosen.Add(index);
        }
        bool newConstantsWiden = pool.Count >= OneByteSlots;
        var widened = new int[model.Methods.Count];
        for (int m = 0; m < widened.Length; m++)
        {
            var method = model.Methods[m];
            if (!method.HasCode) continue;
            widened[m] = method.References.Count(r => IsCandidate(pool, r) && chosen.Contains(r.Index));
            if (newConstantsWiden) widened[m] += Math.Max(0, enhancerLdcPerMethod);
        }
        // No JDK given: JdkProfile.Any (annotations copied, the larger ConstMethod header).
        var bytes = MetaspaceCost.LdcWideningBytes(model.Methods.Select((method, m) => (method.Shape, widened[m])).ToArray(), JdkProfile.Any);
        var methods = new List<MethodWhatIf>();
        for (int m = 0; m < widened.Length; m++)
        {
            var method = model.Methods[m];
            if (method.HasCode) methods.Add(new MethodWhatIf(method.Name, method.Descriptor, widened[m], method.S, bytes[m]));
        }
        return new RebuildWhatIf(methods, pool.Count);
    }

    private static bool IsCandidate(PoolModel pool, CodeReference reference) =>
        reference.Opcode is Opcode.Ldc or Opcode.LdcW && reference.Index > OneByteSlots && !pool[reference.Index].Kind.IsWide();

    /// <summary>Slots a constant needs below 256 in a rebuilt pool: its own entry plus the Utf8 it names.</summary>
    private static int SlotCost(ConstantKind kind) => kind is ConstantKind.Integer or ConstantKind.Float ? 1 : 2;
}
