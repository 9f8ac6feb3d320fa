using System.Globalization;
using BytecodeLint.Analysis.Inventory;

namespace BytecodeLint.Cli.Commands.Inspect;

/// <summary>The <c>inspect</c> text report: one table per input and one for the total, with the same numbers as the JSON.</summary>
internal static class InspectTextWriter
{
    public static void Write(TextWriter output, IReadOnlyList<InputInventory> inventories, bool withDetails)
    {
        var total = new InventoryCounts();
        foreach (var inventory in inventories)
        {
            total.Add(inventory.Counts);
            output.WriteLine(inventory.Path);
            WriteTable(output, inventory.Counts);
            if (inventory.Problems.Count > 0)
            {
                output.WriteLine($"  problems ({inventory.Problems.Count}):");
                foreach (var problem in inventory.Problems)
                    output.WriteLine(problem.Offset is long offset ? $"    {problem.Location} @{offset}: {problem.Message}" : $"    {problem.Location}: {problem.Message}");
            }
            if (withDetails && inventory.ThrowableHandlerDetails.Count > 0)
            {
                output.WriteLine($"  Throwable handlers ({inventory.ThrowableHandlerDetails.Count}):");
                foreach (var d in inventory.ThrowableHandlerDetails)
                    output.WriteLine($"    {d.Location} {d.Class}.{d.Method}{d.Descriptor} #{d.HandlerIndex} pc {d.HandlerPc} line {d.Line}");
            }
            output.WriteLine();
        }
        output.WriteLine("TOTAL");
        WriteTable(output, total);
    }

    private static void WriteTable(TextWriter output, InventoryCounts c)
    {
        (string Label, string Value)[] rows =
        [
            ("class entries", N(c.ClassEntries)),
            ("classes parsed", N(c.Classes)),
            ("parse errors", N(c.ParseErrors)),
            ("class bytes", N(c.ClassBytes)),
            ("nested jars", N(c.NestedJars)),
            ("versioned classes", N(c.VersionedClasses)),
            ("major versions", c.Classes == 0 ? "-" : $"{c.MinMajor}..{c.MaxMajor}"),
            ("methods", N(c.Methods)),
            ("methods with code", N(c.MethodsWithCode)),
            ("Throwable handlers", N(c.ThrowableHandlers)),
            ("methods with Throwable handlers", N(c.ThrowableHandlerMethods)),
            ("ldc / ldc_w / ldc2_w", $"{N(c.Ldc)} / {N(c.LdcW)} / {N(c.Ldc2W)}"),
            ("StackMapTables > 16K", N(c.StackMapTablesOver16K)),
            ("largest StackMapTable", N(c.MaxStackMapTableLength)),
            ("constant pools > 256", N(c.ConstantPoolsOver256)),
            ("ClassWriter(int) sites (new)", $"{N(c.ClassWriterIntSites)} ({N(c.ClassWriterNewIntSites)}) in {N(c.ClassWriterIntClasses)} classes"),
            ("ClassWriter(ClassReader,int) sites (new)", $"{N(c.ClassWriterReaderSites)} ({N(c.ClassWriterNewReaderSites)}) in {N(c.ClassWriterReaderClasses)} classes"),
            ("Throwable handler line hash", c.ThrowableHandlerLineHashHex),
        ];
        int width = rows.Max(r => r.Label.Length);
        foreach (var (label, value) in rows)
            output.WriteLine($"  {label.PadRight(width)}  {value}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
