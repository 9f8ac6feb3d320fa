using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Engine;

public class JdkTargetTests
{
    [Theory]
    [InlineData("8", 8)]
    [InlineData("1.8", 8)]
    [InlineData("1.8.0_392", 8)]
    [InlineData("11", 11)]
    [InlineData("17.0.15", 17)]
    [InlineData("21.0.4+7", 21)]
    [InlineData("25", 25)]
    public void Parses_feature_release(string text, int feature) => Assert.Equal(feature, JdkTarget.Parse(text).Feature);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("any")]
    public void Absent_means_any(string? text) => Assert.False(JdkTarget.Parse(text).IsKnown);

    [Theory]
    [InlineData("seventeen")]
    [InlineData("17..0")]
    [InlineData("-3")]
    public void Rejects_garbage(string text) => Assert.Throws<FormatException>(() => JdkTarget.Parse(text));

    [Fact]
    public void Range_check_treats_unknown_as_possible()
    {
        Assert.True(JdkTarget.Any.MayBeWithin(17, 21));
        Assert.True(JdkTarget.Parse("21").MayBeWithin(17, 21));
        Assert.False(JdkTarget.Parse("22").MayBeWithin(17, 21));
    }
}
