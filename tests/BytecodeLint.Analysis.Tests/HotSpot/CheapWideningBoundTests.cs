using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>
/// BL0003 skips methods whose raw attribute sizes cannot reach the threshold; that is only right while
/// the raw bound is never below the decoded one. Checked on every method of every committed class file
/// (samples, oracle cases, the widening-cost pairs with their big exception, line and variable tables).
/// </summary>
public sealed class CheapWideningBoundTests
{
    public static IEnumerable<string> ClassFiles() =>
        new[] { Path.Combine(RepoPaths.Samples, "java", "classes"), RepoPaths.TestData }
            .SelectMany(root => Directory.EnumerateFiles(root, "*.class", SearchOption.AllDirectories));

    [Fact]
    public void The_raw_bound_is_never_below_the_decoded_bound()
    {
        int methods = 0;
        foreach (var file in ClassFiles())
        {
            JavaClass parsed;
            try { parsed = JavaClass.Parse(File.ReadAllBytes(file)); }
            catch (ClassFormatException) { continue; } // deliberately broken fixtures
            foreach (var method in parsed.Methods)
            {
                if (method.GetCode() is not { } code || MethodShape.From(method) is not { } shape) continue;
                long attributeBytes = 0;
                foreach (var attribute in method.Attributes) attributeBytes += attribute.Length;
                foreach (long widened in new long[] { 1, 7, code.CodeLength / 2 + 1 })
                {
                    foreach (var profile in new[] { JdkProfile.Any, JdkProfile.For(BytecodeLint.Analysis.Engine.JdkTarget.Parse("17")), JdkProfile.For(BytecodeLint.Analysis.Engine.JdkTarget.Parse("25")) })
                        Assert.True(MetaspaceCost.CheapLdcWideningUpperBound(attributeBytes, widened) >= MetaspaceCost.LdcWideningUpperBound(shape, widened, profile),
                            $"{file} {method.NameString}{method.DescriptorString} W={widened}");
                }
                methods++;
            }
        }
        Assert.True(methods > 400, $"only {methods} methods checked");
    }
}
