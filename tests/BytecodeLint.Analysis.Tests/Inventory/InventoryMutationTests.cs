using BytecodeLint.Analysis.Inventory;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Inventory;

/// <summary>
/// The inventory walk on damaged classes: with a fixed seed, thousands of bit flips, overwrites,
/// truncations and insertions of real classes; parsing plus counting may only fail with
/// <see cref="ClassFormatException"/>, a failed class adds nothing, and the run finishes.
/// </summary>
public class InventoryMutationTests
{
    [Fact]
    public async Task Counting_mutated_classes_throws_only_ClassFormatException()
    {
        var dir = RepoPaths.OracleCases;
        var seeds = new[] { "exp1-CatchThrowable", "exp1-TryWithResources", "exp1-CatchException" }
            .Select(c => File.ReadAllBytes(Path.Combine(dir, c, "original.class"))).ToArray();
        var work = Task.Run(() =>
        {
            var random = new Random(7);
            var inventory = new ClassInventory();
            int rejected = 0;
            for (int i = 0; i < 3000; i++)
            {
                var bytes = (byte[])seeds[i % seeds.Length].Clone();
                int at = random.Next(bytes.Length);
                switch (random.Next(4))
                {
                    case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 1: bytes[at] = (byte)random.Next(256); break;
                    case 2: bytes = bytes[..at]; break;
                    default: bytes = [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]]; break;
                }
                var counts = new InventoryCounts();
                try
                {
                    inventory.Count(JavaClass.Parse(bytes), false, counts, "m", []);
                    Assert.Equal(1, counts.Classes);
                }
                catch (ClassFormatException)
                {
                    Assert.Equal(0, counts.Classes);
                    Assert.Equal(0, counts.Methods);
                    rejected++;
                }
            }
            return rejected;
        });
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(finished == work, "the inventory walk did not finish");
        Assert.InRange(await work, 500, 3000);
    }
}
