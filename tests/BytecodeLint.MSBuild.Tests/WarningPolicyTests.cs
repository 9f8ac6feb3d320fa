namespace BytecodeLint.MSBuild.Tests;

public class WarningPolicyTests
{
    [Fact]
    public void DefaultPolicyKeepsSeverities()
    {
        var policy = new WarningPolicy(null, null, null, treatWarningsAsErrors: false);

        Assert.Equal(LogAction.Warning, policy.Decide("BL0001", "warning", null));
        Assert.Equal(LogAction.Error, policy.Decide("BL0002", "error", null));
        Assert.Equal(LogAction.Suggestion, policy.Decide("BL0003", "note", null));
        Assert.Equal(LogAction.Message, policy.Decide("BL0004", "hidden", null));
    }

    [Fact]
    public void NoWarnSilencesWarningsButNeverErrors()
    {
        var policy = new WarningPolicy("1701;1702, BL0001 ,BL0002", null, null, treatWarningsAsErrors: true);

        Assert.Equal(LogAction.Message, policy.Decide("BL0001", "warning", null));
        Assert.Equal(LogAction.Error, policy.Decide("BL0002", "error", null));
    }

    [Fact]
    public void ItemNoWarnAppliesOnlyToThatItem()
    {
        var policy = new WarningPolicy(null, null, null, treatWarningsAsErrors: false);
        var itemNoWarn = WarningPolicy.ParseCodes("BL0001");

        Assert.Equal(LogAction.Message, policy.Decide("BL0001", "warning", itemNoWarn));
        Assert.Equal(LogAction.Warning, policy.Decide("BL0001", "warning", null));
        Assert.Equal(LogAction.Warning, policy.Decide("BL0003", "warning", itemNoWarn));
    }

    [Fact]
    public void WarningsAsErrorsPromotesOnlyTheNamedCodes()
    {
        var policy = new WarningPolicy(null, "bl0001", null, treatWarningsAsErrors: false);

        Assert.Equal(LogAction.Error, policy.Decide("BL0001", "warning", null));
        Assert.Equal(LogAction.Warning, policy.Decide("BL0003", "warning", null));
    }

    [Fact]
    public void TreatWarningsAsErrorsExceptWarningsNotAsErrors()
    {
        var policy = new WarningPolicy(null, null, "BL0003", treatWarningsAsErrors: true);

        Assert.Equal(LogAction.Error, policy.Decide("BL0001", "warning", null));
        Assert.Equal(LogAction.Warning, policy.Decide("BL0003", "warning", null));
        Assert.Equal(LogAction.Suggestion, policy.Decide("BL0001", "note", null));
    }

    [Fact]
    public void NoWarnWinsOverWarningsAsErrors()
    {
        // As in csc: a suppressed warning is not reported at all, so it cannot become an error.
        var policy = new WarningPolicy("BL0001", "BL0001", null, treatWarningsAsErrors: true);

        Assert.Equal(LogAction.Message, policy.Decide("BL0001", "warning", null));
    }
}
