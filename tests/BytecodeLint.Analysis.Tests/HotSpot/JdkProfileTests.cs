using BytecodeLint.Analysis.HotSpot;

namespace BytecodeLint.Analysis.Tests.HotSpot;

public sealed class JdkProfileTests
{
    [Theory]
    [InlineData("8", 8)]
    [InlineData("1.8", 8)]
    [InlineData("11", 11)]
    [InlineData("17", 17)]
    [InlineData("17.0.15", 17)]
    [InlineData("21.0.4", 21)]
    [InlineData("21.0.4+7", 21)]
    [InlineData("25", 25)]
    public void Parses_feature_releases(string text, int feature) => Assert.Equal(feature, JdkProfile.Parse(text).Feature);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("any")]
    public void Absent_means_any_supported_JDK(string? text) => Assert.Same(JdkProfile.Any, JdkProfile.Parse(text));

    [Fact]
    public void Rejects_text_that_is_not_a_version() => Assert.Throws<FormatException>(() => JdkProfile.Parse("seventeen"));

    [Theory]
    [InlineData("8", false)]
    [InlineData("11", false)]
    [InlineData("16", false)]
    [InlineData("17", true)]
    [InlineData("20", true)]
    [InlineData("21.0.13", true)]
    [InlineData("22", false)]
    [InlineData("25", false)]
    [InlineData("any", true)]
    public void Throwable_leak_applies_to_17_through_21(string jdk, bool leaks) => Assert.Equal(leaks, JdkProfile.Parse(jdk).ThrowableLeak);

    [Theory]
    [InlineData("11", 56)]
    [InlineData("17", 48)]
    [InlineData("21", 56)]
    [InlineData("25", 56)]
    public void ConstMethod_header_sizes_come_from_the_binaries(string jdk, int bytes) =>
        Assert.Equal(bytes, JdkProfile.Parse(jdk).ConstMethodHeaderBytes);

    [Theory]
    [InlineData("17", false)]
    [InlineData("21.0.13", true)]
    [InlineData("25", true)]
    [InlineData("any", false)]
    public void Pool_overflow_check_exists_on_21_and_23_plus(string jdk, bool rejects) =>
        Assert.Equal(rejects, JdkProfile.Parse(jdk).RejectsPoolOverflow);

    [Fact]
    public void NaN_behaviour_applies_everywhere()
    {
        foreach (var jdk in new[] { "8", "11", "17", "21", "25", "any" })
            Assert.True(JdkProfile.Parse(jdk).NaNNeverMatches);
    }
}
