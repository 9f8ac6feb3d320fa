using System.Text.Json;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

/// <summary><c>simulate --retransforms N</c> projects BL0005's growth: linear, one spun class per executed lambda site per retransform.</summary>
public sealed class SimulateIndyTests
{
    private static string Sample(string name) =>
        Path.Combine(RepoPaths.Samples, "java", "classes", "hazard-indy", "samples", "hazard", "indy", name + ".class");

    private static JsonElement? Indy(string name, int retransforms, string jdk)
    {
        var result = Run("simulate", Sample(name), Sample(name), "--target-jdk", jdk, "--retransforms", retransforms.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(JsonSchemas.Errors(JsonSchemas.Report("simulate"), result.Stdout));
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        return root.TryGetProperty("indyRelink", out var indy) ? indy.Clone() : null;
    }

    [Fact]
    public void Lambda_sites_grow_Metaspace_linearly_with_retransforms()
    {
        // LambdaSites runs 8 lambdas; measured on JDK 17: ≈ 1.5 KB per executed site per retransform.
        var once = Indy("LambdaSites", 1, "17")!.Value;
        var thousand = Indy("LambdaSites", 1000, "17")!.Value;
        Assert.Equal(8, once.GetProperty("lambdaSites").GetInt32());
        long perRetransform = once.GetProperty("bytesPerRetransform").GetInt64();
        Assert.InRange(perRetransform, 8 * 1400, 8 * 1800);
        Assert.Equal(perRetransform * 1000, thousand.GetProperty("bytesAfterRetransforms").GetInt64(), 1000.0);
    }

    [Fact]
    public void A_lambda_only_in_the_class_initialiser_adds_nothing()
    {
        Assert.Null(Indy("ClinitOnlyLambda", 100, "17"));
        Assert.Null(Indy("NoIndy", 100, "25"));
    }

    [Fact]
    public void Type_switch_sites_count_only_where_the_JDK_spins_a_class_per_site()
    {
        Assert.Null(Indy("TypeSwitchSites", 10, "17"));
        Assert.True(Indy("TypeSwitchSites", 10, "25")!.Value.GetProperty("typeSwitchSites").GetInt32() > 0);
    }
}
