using System.Collections.Immutable;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Engine;

/// <summary>
/// A location is built for every finding and for every rule failure; the parse only checks attribute
/// framing, so a SourceFile attribute naming a non-Utf8 constant must not make that throw (the fuzzer
/// found it escaping the engine when a rule failed on such a class).
/// </summary>
public class LocationRobustnessTests
{
    [Fact]
    public void A_rule_failing_on_a_class_with_a_malformed_SourceFile_is_reported_with_a_location()
    {
        var builder = new ClassBuilder("p/Bad", "java/lang/Object");
        int classConstant = builder.Pool.Class("p/Other");
        builder.Attributes.Raw("SourceFile", [(byte)(classConstant >> 8), (byte)classConstant]);
        var dir = Directory.CreateTempSubdirectory("bl-location-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "Bad.class"), builder.ToArray());
            var result = new ScanEngine([new ThrowingAnalyzer()]).Scan([dir.FullName]);

            var failure = Assert.Single(result.Diagnostics, d => d.Id == InputDiagnostics.AnalyzerFailure.Id);
            Assert.Equal("p.Bad", failure.Location.Class);
            Assert.Null(failure.Location.SourceFile);
            Assert.Contains("BL0998", failure.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed class ThrowingAnalyzer : BytecodeAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            [new DiagnosticDescriptor("BL0998", "throws", "throws", Categories.Retransform, Severity.Warning, true, "A rule that always throws.")];

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterClassAction(_ => throw new InvalidOperationException("deliberate"));
    }
}
