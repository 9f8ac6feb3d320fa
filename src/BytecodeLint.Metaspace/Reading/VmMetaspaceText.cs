using System.Text.RegularExpressions;
using BytecodeLint.Metaspace.Model;

namespace BytecodeLint.Metaspace.Reading;

/// <summary>
/// Reads the lines of a <c>jcmd VM.metaspace</c> report (JDK 11–25 layouts) and of the usage block a JVM
/// logs with a Metaspace OOM into a <see cref="VmMetaspaceSnapshot"/>.
/// </summary>
public static partial class VmMetaspaceText
{
    /// <summary>True when <paramref name="message"/> opens a new report.</summary>
    public static bool IsStart(string message, out bool fromOomReport)
    {
        var t = message.Trim();
        fromOomReport = t == "Usage:";
        return fromOomReport || t.StartsWith("Total Usage", StringComparison.Ordinal);
    }

    /// <summary>Applies one line to <paramref name="snapshot"/>; false when the line held nothing this reader knows.</summary>
    public static bool Apply(VmMetaspaceSnapshot snapshot, string message)
    {
        var t = message.Trim();
        Match m;
        if ((m = TotalUsage().Match(t)).Success)
        {
            snapshot.Loaders = ParseInt(m.Groups["loaders"]);
            snapshot.Classes = ParseInt(m.Groups["classes"]);
            snapshot.SharedClasses = ParseInt(m.Groups["shared"]);
            return true;
        }
        if ((m = VirtualRow().Match(t)).Success)
        {
            var reserved = Size(m.Groups["reserved"]);
            var committed = Size(m.Groups["committed"]);
            switch (m.Groups["space"].Value)
            {
                case "Both":
                    snapshot.ReservedBytes = reserved;
                    snapshot.VirtualCommittedBytes = committed;
                    break;
                case "Class space":
                    snapshot.ClassReservedBytes = reserved;
                    break;
            }
            return true;
        }
        if ((m = UsageRow().Match(t)).Success)
        {
            var row = m.Groups["space"].Value switch
            {
                "Both" => snapshot.Both,
                "Class" => snapshot.Class,
                _ => snapshot.NonClass,
            };
            return ApplyUsage(row, m.Groups["rest"].Value);
        }
        if ((m = DeallocatedSummary().Match(t)).Success)
        {
            snapshot.DeallocatedBytes = Size(m.Groups["size"]);
            if (m.Groups["blocks"].Success)
                snapshot.DeallocatedBlocks = long.Parse(m.Groups["blocks"].Value);
            return true;
        }
        if ((m = Setting().Match(t)).Success)
        {
            var value = m.Groups["value"].Value.Trim();
            var size = SizeText.TryParse(value);
            switch (m.Groups["name"].Value)
            {
                case "MaxMetaspaceSize":
                    snapshot.MaxMetaspaceUnlimited = value.StartsWith("unlimited", StringComparison.OrdinalIgnoreCase);
                    snapshot.MaxMetaspaceBytes = snapshot.MaxMetaspaceUnlimited ? null : size;
                    break;
                case "CompressedClassSpaceSize":
                    snapshot.CompressedClassSpaceBytes = size;
                    break;
                case "Current GC threshold":
                    snapshot.CurrentGcThresholdBytes = size;
                    break;
                case "num_allocs_failed_limit":
                    snapshot.AllocationsFailedAtLimit = long.TryParse(value.TrimEnd('.'), out var n) ? n : null;
                    break;
            }
            return true;
        }
        return false;
    }

    private static bool ApplyUsage(SpaceUsage row, string rest)
    {
        var any = false;
        foreach (Match f in UsageField().Matches(rest))
        {
            any = true;
            var size = f.Groups["size"].Success ? Size(f.Groups["size"]) : (long?)null;
            switch (f.Groups["what"].Value)
            {
                case "chunks": row.Chunks = int.Parse(f.Groups["count"].Value); break;
                case "capacity": row.CapacityBytes = size; break;
                case "committed": row.CommittedBytes = size; break;
                case "used": row.UsedBytes = size; break;
                case "free": row.FreeBytes = size; break;
                case "waste": row.WasteBytes = size; break;
            }
        }
        var d = Deallocated().Match(rest);
        if (d.Success)
        {
            any = true;
            row.DeallocatedBlocks = long.Parse(d.Groups["blocks"].Value);
            row.DeallocatedBytes = Size(d.Groups["size"]);
        }
        return any;
    }

    private static long Size(Group g)
    {
        var m = SplitSize().Match(g.Value);
        return SizeText.Parse(m.Groups[1].Value, m.Groups[2].Value);
    }

    private static int? ParseInt(Group g) => g.Success ? int.Parse(g.Value) : null;

    [GeneratedRegex(@"^Total Usage\D*?(?<loaders>\d+) loaders(?:, (?<classes>\d+) classes(?: \((?<shared>\d+) shared\))?)?")]
    private static partial Regex TotalUsage();

    [GeneratedRegex(@"^(?<space>Non-[Cc]lass space|Class space|Both):\s+(?<reserved>" + SizeText.Pattern + @") reserved,\s+(?<committed>" + SizeText.Pattern + @")(?:\s*\([^)]*\))? committed")]
    private static partial Regex VirtualRow();

    [GeneratedRegex(@"^(?<space>Non-[Cc]lass|Class|Both):\s*(?<rest>.*)$")]
    private static partial Regex UsageRow();

    [GeneratedRegex(@"(?:(?<count>\d+) (?<what>chunks)|(?<size>" + SizeText.Pattern + @")(?:\s*\([^)]*\))?\s+(?<what>capacity|committed|used|free|waste)\b)")]
    private static partial Regex UsageField();

    [GeneratedRegex(@"deallocated: (?<blocks>\d+) blocks with (?<size>" + SizeText.Pattern + ")")]
    private static partial Regex Deallocated();

    [GeneratedRegex(@"^Deallocated from chunks in use:\s+(?<size>" + SizeText.Pattern + @")(?:\s*\([^)]*\))?(?:\s*\((?<blocks>\d+) blocks\))?")]
    private static partial Regex DeallocatedSummary();

    [GeneratedRegex(@"^(?<name>MaxMetaspaceSize|CompressedClassSpaceSize|Current GC threshold|num_allocs_failed_limit):\s*(?<value>.+)$")]
    private static partial Regex Setting();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(\w+)")]
    private static partial Regex SplitSize();
}
