using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

/// <summary>
/// Bounded random mutation with a fixed seed: bit flips, byte overwrites, truncation, insertion,
/// deletion and duplication applied to real and byte-built classes. Parsing plus a full walk may
/// only fail with <see cref="ClassFormatException"/>, and the whole run must finish (no hang).
/// </summary>
public class MutationTests
{
    private const int Mutations = 4000;

    [Fact]
    public async Task Only_ClassFormatException_escapes_and_nothing_hangs()
    {
        var seeds = new[]
        {
            TestClasses.CatchThrowable(),
            TestClasses.Rich(),
            File.ReadAllBytes(Path.Combine(TestClasses.OracleCases, "exp1-TryWithResources", "original.class")),
        };
        var work = Task.Run(() => Run(seeds));
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(finished == work, "the mutation run did not finish: the reader may loop");
        var (rejected, accepted) = await work;
        Assert.Equal(Mutations, rejected + accepted);
        Assert.True(rejected > Mutations / 4, $"only {rejected} of {Mutations} mutants were rejected");
    }

    private static (int Rejected, int Accepted) Run(byte[][] seeds)
    {
        var random = new Random(20261122);
        int rejected = 0, accepted = 0;
        for (int i = 0; i < Mutations; i++)
        {
            var original = seeds[i % seeds.Length];
            var mutant = Mutate(original, random);
            try
            {
                FullWalk.Walk(JavaClass.Parse(mutant));
                accepted++;
            }
            catch (ClassFormatException e)
            {
                Assert.InRange(e.Offset, 0, mutant.Length);
                rejected++;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"mutation {i} escaped with {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(mutant)}");
            }
        }
        return (rejected, accepted);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        int kind = random.Next(7);
        int at = random.Next(bytes.Length);
        switch (kind)
        {
            case 0: // flip 1-4 bits
                for (int n = random.Next(1, 5); n > 0; n--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1: // overwrite a byte, biased to values that matter (0, FF, small counts/tags)
                bytes[at] = random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => (byte)random.Next(20) };
                return bytes;
            case 2: // overwrite a big-endian u2 with a random or extreme value
            {
                if (at + 1 >= bytes.Length) at = bytes.Length - 2;
                int value = random.Next(3) switch { 0 => 0xFFFF, 1 => random.Next(0x10000), _ => random.Next(8) };
                bytes[at] = (byte)(value >> 8);
                bytes[at + 1] = (byte)value;
                return bytes;
            }
            case 3: // truncate
                return bytes[..at];
            case 4: // insert random bytes
            {
                var insert = new byte[random.Next(1, 9)];
                random.NextBytes(insert);
                return [.. bytes[..at], .. insert, .. bytes[at..]];
            }
            case 5: // delete a range
                return [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + random.Next(1, 17))..]];
            default: // duplicate a range
            {
                int length = Math.Min(bytes.Length - at, random.Next(1, 33));
                return [.. bytes[..(at + length)], .. bytes[at..(at + length)], .. bytes[(at + length)..]];
            }
        }
    }
}
