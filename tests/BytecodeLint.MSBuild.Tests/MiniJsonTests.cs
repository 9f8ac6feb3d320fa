namespace BytecodeLint.MSBuild.Tests;

public class MiniJsonTests
{
    [Fact]
    public void ParsesNestedValuesOfEveryKind()
    {
        var value = MiniJson.Parse("""{ "a": [1, -2.5e1, true, false, null], "b": { "c": "x" } }""");

        var root = Assert.IsType<Dictionary<string, object?>>(value);
        var array = Assert.IsType<List<object?>>(root["a"]);
        Assert.Equal(new object?[] { 1.0, -25.0, true, false, null }, array);
        Assert.Equal("x", Assert.IsType<Dictionary<string, object?>>(root["b"])["c"]);
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"tab\\tnl\\n\"", "tab\tnl\n")]
    [InlineData("\"\\u00e9\\u2013\"", "é–")]
    [InlineData("\"back\\\\slash\\/\"", "back\\slash/")]
    [InlineData("\"JDK 17–21\"", "JDK 17–21")]
    public void DecodesStringEscapes(string json, string expected)
    {
        Assert.Equal(expected, MiniJson.Parse(json));
    }

    [Theory]
    [InlineData("{\"a\":1", "',' or '}'")]
    [InlineData("[1 2]", "',' or ']'")]
    [InlineData("\"open", "closing")]
    [InlineData("{} x", "end of input")]
    [InlineData("tru", "'true'")]
    [InlineData("", "a value")]
    public void RejectsMalformedInputNamingWhatWasExpected(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MiniJson.Parse(json));
        Assert.Contains(expected, error.Message);
        Assert.Contains("at character", error.Message);
    }
}
