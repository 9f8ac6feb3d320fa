using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Retransform.SignedZeros;

/// <summary>
/// Where HotSpot's constant-pool merge puts the signed zeros of a transformed class (docs/rules/BL0007.md,
/// trace-verified on 17.0.15 and 25.0.3 by samples/java/measure/measure-zeros.sh): Float and Double entries
/// are compared with C++ <c>==</c>, for which −0.0 equals +0.0. A scratch zero keeps its index when the
/// old entry there is a zero of its type; otherwise it maps to the lowest-indexed zero of its type in the
/// old pool; with none, it is appended and keeps its value.
/// </summary>
internal static class ZeroMerge
{
    /// <summary>A scratch zero loaded by ldc that the merge maps onto an old zero of the other sign.</summary>
    public readonly record struct Flip(string Method, int Pc, int ScratchIndex, int OldIndex, bool WasNegative, ConstantKind Kind);

    public static Flip? FindFlip(JavaClass original, JavaClass transformed)
    {
        foreach (var kind in (ConstantKind[])[ConstantKind.Double, ConstantKind.Float])
        {
            var old = ZeroEntries.Read(original.ConstantPool, kind);
            if (old.Entries.Count == 0) continue;
            var scratch = ZeroEntries.Read(transformed.ConstantPool, kind);
            int lowestOld = old.Entries.Keys.First();
            bool Flips(int index)
            {
                if (!scratch.Entries.TryGetValue(index, out bool negative)) return false;
                int target = old.Entries.ContainsKey(index) ? index : lowestOld;
                return old.Entries[target] != negative;
            }
            if (ConstantLoads.First(transformed, Flips) is { } load)
            {
                int target = old.Entries.ContainsKey(load.Index) ? load.Index : lowestOld;
                return new Flip(load.Method.NameString, load.Pc, load.Index, target, scratch.Entries[load.Index], kind);
            }
        }
        return null;
    }
}
