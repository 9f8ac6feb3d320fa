using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform.IndyRelink;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Rules.RuleHarness;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL0005 on byte-built classes: invokedynamic sites by bootstrap, <c>&lt;clinit&gt;</c>, target JDK, the per-input total.</summary>
public class BL0005Tests
{
    private static readonly IndyRelinkAnalyzer Analyzer = new();

    private const string Lmf = "java/lang/invoke/LambdaMetafactory";
    private const string LmfDescriptor = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
    private const string AltDescriptor = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";

    /// <summary>(owner, name, descriptor) of a bootstrap method.</summary>
    private static readonly (string, string, string) Metafactory = (Lmf, "metafactory", LmfDescriptor);
    private static readonly (string, string, string) AltMetafactory = (Lmf, "altMetafactory", AltDescriptor);
    private static readonly (string, string, string) TypeSwitch = ("java/lang/runtime/SwitchBootstraps", "typeSwitch", AltDescriptor);
    private static readonly (string, string, string) Concat = ("java/lang/invoke/StringConcatFactory", "makeConcatWithConstants", AltDescriptor);

    /// <summary>
    /// A class whose method <paramref name="method"/> holds <paramref name="sites"/> invokedynamic sites, each
    /// through its own BootstrapMethods entry pointing at <paramref name="bootstrap"/> (a name that lies about it on purpose).
    /// </summary>
    private static ClassBuilder Class(string name, (string Owner, string Name, string Descriptor) bootstrap, int sites, string method = "run")
    {
        var builder = new ClassBuilder(name).Version(0, 61);
        int handle = builder.Pool.MethodHandle(6, builder.Pool.Methodref(bootstrap.Owner, bootstrap.Name, bootstrap.Descriptor));
        var code = new CodeBuilder();
        var entries = new List<(int, int[])>();
        for (int i = 0; i < sites; i++)
        {
            entries.Add((handle, []));
            code.InvokeDynamic(builder.Pool.InvokeDynamic(i, "get" + i, "()Ljava/lang/Object;")).Op(CodeOpcodes.Pop);
        }
        builder.Method(ClassAccess.Public | ClassAccess.Static, method, "()V").Code(2, 0, code.Return(), c => c.LineNumberTable((0, 12)));
        builder.Attributes.BootstrapMethods([.. entries]);
        return builder;
    }

    [Fact]
    public void One_lambda_site_is_a_note_at_the_site_with_the_measured_cost()
    {
        var found = RunOnBytes(Analyzer, Class("p/OneLambda", Metafactory, 1).ToArray(), "17");
        var d = Assert.Single(found, x => x.Descriptor == IndyRelinkAnalyzer.Rule);
        Assert.Equal(Severity.Note, d.Severity);
        Assert.Equal("run", d.Location.Member);
        Assert.Equal(0, d.Location.BytecodeOffset);
        Assert.Equal(12, d.Location.Line);
        Assert.Equal(1, d.Properties["lambdaSites"]);
        // JDK 17's measured law: 1.18 KB + 1.51 KB per executed site (samples/java/measure/measure-indy.sh).
        Assert.Equal((1.18 + 1.51) * 1024, d.Properties["bytesPerRetransform"], 3);
        Assert.Equal(d.Properties["bytesPerRetransform"] * 1000, d.Properties["bytesPer1000Retransforms"], 3);
        Assert.Contains("1 lambda/method-reference site", d.Message);
        Assert.Contains("JDK 17", d.Message);
    }

    [Fact]
    public void Cost_grows_with_the_sites_by_the_jdk_25_law()
    {
        var d = Assert.Single(RunOnBytes(Analyzer, Class("p/Eight", Metafactory, 8).ToArray(), "25"), x => x.Descriptor == IndyRelinkAnalyzer.Rule);
        Assert.Equal((0.88 + 1.55 * 8) * 1024, d.Properties["bytesPerRetransform"], 3);
        Assert.Contains("8 lambda/method-reference sites", d.Message);
    }

    [Fact]
    public void AltMetafactory_sites_count()
    {
        var d = Assert.Single(RunOnBytes(Analyzer, Class("p/Alt", AltMetafactory, 2).ToArray()), x => x.Descriptor == IndyRelinkAnalyzer.Rule);
        Assert.Equal(2, d.Properties["altLambdaSites"]);
        Assert.Equal(0, d.Properties["lambdaSites"]);
    }

    [Fact]
    public void A_site_in_clinit_never_runs_again_and_is_silent()
    {
        Assert.Empty(RunOnBytes(Analyzer, Class("p/Clinit", Metafactory, 3, "<clinit>").ToArray()));
    }

    [Fact]
    public void String_concatenation_re_links_without_a_class_and_is_silent()
    {
        Assert.Empty(RunOnBytes(Analyzer, Class("p/Concat", Concat, 4).ToArray(), "25"));
    }

    [Theory]
    [InlineData("17", 0)]
    [InlineData("21", 0)]
    [InlineData("23", 2)]
    [InlineData("25", 2)]
    [InlineData(null, 2)]
    public void Type_switch_sites_count_from_jdk_23(string? jdk, int counted)
    {
        var found = RunOnBytes(Analyzer, Class("p/Switch", TypeSwitch, 2).ToArray(), jdk).Where(x => x.Descriptor == IndyRelinkAnalyzer.Rule).ToList();
        Assert.Equal(counted, found.Count == 0 ? 0 : (int)found[0].Properties["typeSwitchSites"]);
        if (counted > 0) Assert.Equal(1522.0 * counted, found[0].Properties["bytesPerRetransform"], 3);
    }

    [Fact]
    public void The_input_total_sums_the_classes_and_sorts_before_them()
    {
        var jar = new ZipBuilder()
            .Add("p/A.class", Class("p/A", Metafactory, 2).ToArray())
            .Add("p/B.class", Class("p/B", Metafactory, 3).ToArray())
            .Add("p/C.class", Class("p/C", Concat, 1).ToArray())
            .Build();
        var report = new ScanEngine([Analyzer], new AnalyzerOptions { TargetJdk = JdkTarget.Parse("17") })
            .Scan([ScanInput.FromBytes("app.jar", jar)]);
        var all = report.Diagnostics;
        Assert.Equal(3, all.Count);
        var summary = all[0];
        Assert.Equal(IndyRelinkAnalyzer.SummaryRule, summary.Descriptor);
        Assert.Equal(2, summary.Properties["classes"]);
        Assert.Equal(5, summary.Properties["sites"]);
        double perClass = all.Skip(1).Sum(d => d.Properties["bytesPerRetransform"]);
        Assert.Equal(perClass, summary.Properties["bytesPerRetransform"], 1);
        Assert.Equal(perClass * 1000, summary.Properties["bytesPer1000Retransforms"], 0);
        Assert.StartsWith("2 class(es) of this input hold 5 invokedynamic site(s)", summary.Message);
    }

    [Fact]
    public void Min_sites_option_skips_small_classes_and_their_share_of_the_total()
    {
        var jar = new ZipBuilder()
            .Add("p/A.class", Class("p/A", Metafactory, 1).ToArray())
            .Add("p/B.class", Class("p/B", Metafactory, 4).ToArray())
            .Build();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["BL0005.min_sites"] = "3" };
        var found = new ScanEngine([Analyzer], new AnalyzerOptions { RuleSettings = settings })
            .Scan([ScanInput.FromBytes("app.jar", jar)]).Diagnostics;
        Assert.Equal(2, found.Count);
        Assert.Equal(1, found[0].Properties["classes"]);
        Assert.Equal("p.B", found[1].Location.Class);
    }

    [Fact]
    public void A_class_without_bootstrap_methods_is_silent()
    {
        Assert.Empty(RunOnBytes(Analyzer, ClassBuilder.Minimal("p/Plain").ToArray()));
    }
}
