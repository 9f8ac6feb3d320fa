using BytecodeLint.Analysis.Configuration;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Configuration;

public class FilterAndSuppressionTests
{
    [Theory]
    [InlineData("com/acme/Foo.class", "com/acme/Foo.class", true)]
    [InlineData("BOOT-INF/lib/x.jar!/com/acme/Foo.class", "com/acme/Foo.class", true)]   // innermost path matches
    [InlineData("com/acme/sub/Foo.class", "com/acme/sub/Foo.class", true)]
    [InlineData("org/other/Foo.class", "org/other/Foo.class", false)]
    [InlineData("com/acme/generated/Foo.class", "com/acme/generated/Foo.class", false)]   // excluded
    public void Entry_filter_includes_then_excludes(string chain, string entry, bool accepted)
    {
        var filter = new EntryFilter(["com/acme/**"], ["**/generated/**"]);
        Assert.Equal(accepted, filter.Accepts(chain, entry));
    }

    [Fact]
    public void Single_star_stays_in_one_folder()
    {
        var filter = new EntryFilter(["com/*/Foo.class"], []);
        Assert.True(filter.Accepts("com/acme/Foo.class", "com/acme/Foo.class"));
        Assert.False(filter.Accepts("com/acme/x/Foo.class", "com/acme/x/Foo.class"));
    }

    [Theory]
    [InlineData("/in/app.jar", "/in/app.jar!/com/a/B.class", "com/a/B.class")]
    [InlineData("/in/app.jar", "/in/app.jar!/BOOT-INF/lib/x.jar!/B.class", "BOOT-INF/lib/x.jar!/B.class")]
    [InlineData("/in/classes", "/in/classes/com/a/B.class", "com/a/B.class")]
    public void Relative_chain_drops_the_input(string input, string location, string expected) =>
        Assert.Equal(expected, EntryFilter.RelativeChain(input, location));

    private static Diagnostic Finding(string rule, string cls, string? member = null, string? descriptor = null) =>
        new(RuleRegistry.Find(rule)!, Severity.Warning, "m", new DiagnosticLocation("a.jar", "a.jar!/x.class", cls, member, descriptor), new Dictionary<string, double>(), "e");

    [Theory]
    [InlineData("com.acme.legacy.*", "com.acme.legacy.deep.Old", null, true)]
    [InlineData("com.acme.Foo", "com.acme.Foo$1", null, true)]              // nested class
    [InlineData("com.acme.Foo", "com.acme.FooBar", null, false)]
    [InlineData("com.acme.Foo#run", "com.acme.Foo", "run", true)]
    [InlineData("com.acme.Foo#run", "com.acme.Foo", "walk", false)]
    [InlineData("com.acme.Foo#run", "com.acme.Foo", null, false)]           // class-level finding, member pattern
    [InlineData("com.acme.Foo#run(I)V", "com.acme.Foo", "run", true)]
    [InlineData("com.acme.Foo#run(J)V", "com.acme.Foo", "run", false)]
    public void Config_suppression_matches_class_and_member(string pattern, string cls, string? member, bool matches)
    {
        var suppression = new ConfigSuppression("BL0001", pattern, new ConfigEntry("bytecodelint.suppress.bl0001", pattern, "c.globalconfig", 4));
        Assert.Equal(matches, suppression.Matches(Finding("BL0001", cls, member, member is null ? null : "(I)V")));
        Assert.False(suppression.Matches(Finding("BL0004", cls, member, "(I)V")));
    }

    [Fact]
    public void Config_suppression_keeps_an_earlier_reason()
    {
        var entry = new ConfigEntry("k", "v", "c.globalconfig", 4);
        var suppression = new ConfigSuppression("BL0001", "com.*", entry);
        var annotated = Finding("BL0001", "com.A") with { SuppressedBy = "@SuppressBytecodeLint on com.A" };
        var result = ConfigSuppressions.Apply([annotated, Finding("BL0001", "com.B"), Finding("BL0001", "org.C")], [suppression]);
        Assert.Equal("@SuppressBytecodeLint on com.A", result[0].SuppressedBy);
        Assert.StartsWith("config: bytecodelint.suppress.BL0001 = com.* (c.globalconfig:4)", result[1].SuppressedBy);
        Assert.Null(result[2].SuppressedBy);
    }
}
