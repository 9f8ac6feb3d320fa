using System.Text.Json;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Scanning;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

public class SarifOutputTests
{
    private static readonly string SourceRoot = Path.Combine(RepoPaths.Samples, "java", "src", "app");
    private static readonly string[] SampleJars = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "java", "jars"), "*.jar").Order(StringComparer.Ordinal).ToArray();

    private static JsonElement Sarif(params string[] extra)
    {
        var result = Run(["scan", .. extra, "--format", "sarif", "--sarif-base", RepoPaths.Root, "--no-global-config", "--fail-on", "never"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Scan_of_every_sample_jar_validates_against_the_official_schema()
    {
        Assert.NotEmpty(SampleJars);
        var sarif = Sarif([.. SampleJars, "--source-root", SourceRoot]);
        var errors = JsonSchemas.Errors(JsonSchemas.Load(JsonSchemas.SarifPath), sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        Assert.True(sarif.GetProperty("runs")[0].GetProperty("results").GetArrayLength() > 5);
    }

    [Fact]
    public void Validator_rejects_what_the_schema_forbids()
    {
        // Guards the validation set-up (draft-04 schema read as draft-07): each mutation breaks a different schema keyword.
        var schema = JsonSchemas.Load(JsonSchemas.SarifPath);
        string good = Run("scan", Oracle("exp1-CatchThrowable"), "--format", "sarif", "--no-global-config").Stdout;
        Assert.Empty(JsonSchemas.Errors(schema, JsonDocument.Parse(good).RootElement));
        string[] broken =
        [
            good.Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""),        // enum
            good.Replace("\"level\": \"warning\"", "\"level\": \"severe\""),          // enum in a $ref
            good.Replace("\"ruleIndex\": 0", "\"ruleIndex\": -3"),                   // minimum
            good.Replace("\"kind\": \"type\"", "\"kind\": 7"),                       // type
            good.Replace("\"tool\": {", "\"tool\": { \"bogus\": 1,"),                 // additionalProperties
            good.Replace("\"message\": {", "\"message\": { \"x\": 1 }, \"m\": {"),   // required text missing
        ];
        foreach (var text in broken)
        {
            Assert.NotEqual(good, text);
            Assert.NotEmpty(JsonSchemas.Errors(schema, JsonDocument.Parse(text).RootElement));
        }
    }

    [Fact]
    public void Driver_lists_every_rule_with_full_metadata()
    {
        var driver = Sarif(Oracle("exp1-CatchThrowable")).GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("bytecodelint", driver.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", driver.GetProperty("semanticVersion").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleRegistry.AllDescriptors.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            var descriptor = RuleRegistry.Find(rule.GetProperty("id").GetString()!)!;
            Assert.Equal(descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            // The doc page when the rule has one (a rule being written may not yet), else title and description.
            string help = rule.GetProperty("help").GetProperty("text").GetString()!;
            Assert.Equal(help, rule.GetProperty("help").GetProperty("markdown").GetString());
            if (RuleDocs.Get(descriptor.Id) is { } doc) Assert.Equal(doc, help);
            else Assert.Contains(descriptor.Title, help);
            Assert.Equal(descriptor.HelpLink, rule.GetProperty("helpUri").GetString());
            Assert.Equal(descriptor.IsEnabledByDefault, rule.GetProperty("defaultConfiguration").GetProperty("enabled").GetBoolean());
            Assert.Contains(descriptor.Category, rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }
    }

    [Fact]
    public void Mapped_result_has_a_repo_relative_source_uri_line_and_logical_locations()
    {
        var run = Sarif(SampleJar("app.jar"), "--source-root", SourceRoot).GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var result = run.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!.EndsWith("CatchThrowablePrints.java"));
        Assert.Equal("BL0001", result.GetProperty("ruleId").GetString());
        Assert.Equal("BL0001", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0];
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("samples/java/src/app/samples/app/CatchThrowablePrints.java", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        int line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
        var source = File.ReadAllLines(Path.Combine(SourceRoot, "samples", "app", "CatchThrowablePrints.java"));
        Assert.Contains("Throwable", source[line - 1]); // the line really is the handler's
        var logical = location.GetProperty("logicalLocations").EnumerateArray().ToList();
        Assert.Equal("samples.app.CatchThrowablePrints", logical[0].GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("type", logical[0].GetProperty("kind").GetString());
        Assert.Equal("function", logical[1].GetProperty("kind").GetString());
        Assert.StartsWith("samples.app.CatchThrowablePrints#run(", logical[1].GetProperty("fullyQualifiedName").GetString());
        Assert.True(result.GetProperty("properties").GetProperty("poolEntriesPerRetransform").GetInt32() > 0);
    }

    [Fact]
    public void Unmapped_result_points_at_the_jar_and_names_the_entry()
    {
        var result = Sarif(SampleJar("app.jar")).GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .First(r => r.GetProperty("message").GetProperty("text").GetString()!.Contains("CatchThrowablePrints"));
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("samples/java/jars/app.jar", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(physical.TryGetProperty("region", out _));
        Assert.Equal("app.jar!/samples/app/CatchThrowablePrints.class", result.GetProperty("properties").GetProperty("entry").GetString());
        Assert.Contains("[app.jar!/samples/app/CatchThrowablePrints.class]", result.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Path_outside_the_base_is_an_absolute_file_uri()
    {
        using var folder = new TempFolder();
        var jar = folder.File("copy.jar");
        File.Copy(SampleJar("app.jar"), jar);
        var uri = Sarif(jar).GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.Equal(new Uri(jar).AbsoluteUri, uri);
    }

    [Fact]
    public void Fingerprints_are_unique_and_do_not_depend_on_line_numbers()
    {
        var results = Sarif([.. SampleJars]).GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var prints = results.Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToList();
        Assert.Equal(prints.Count, prints.Distinct().Count());
        // Same findings mapped to sources (so with lines) keep the same fingerprints.
        var mapped = Sarif([.. SampleJars, "--source-root", SourceRoot]).GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToList();
        Assert.Equal(prints, mapped);
    }

    [Fact]
    public void Suppressed_results_are_kept_with_their_kind()
    {
        using var folder = new TempFolder();
        var config = folder.File("bl.globalconfig", "is_global = true\nbytecodelint.suppress.BL0004 = samples.app.NaN*\n");
        var results = Sarif(SampleJar("app.jar"), "--config", config).GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var inSource = results.Where(r => r.TryGetProperty("suppressions", out var s) && s[0].GetProperty("kind").GetString() == "inSource").ToList();
        var external = results.Where(r => r.TryGetProperty("suppressions", out var s) && s[0].GetProperty("kind").GetString() == "external").ToList();
        Assert.Equal(2, inSource.Count); // SuppressedCatchThrowable and SuppressedMethod
        Assert.All(inSource, r => Assert.Contains("@SuppressBytecodeLint", r.GetProperty("suppressions")[0].GetProperty("justification").GetString()));
        var nan = Assert.Single(external);
        Assert.Equal("BL0004", nan.GetProperty("ruleId").GetString());
        Assert.Contains("bl.globalconfig:2", nan.GetProperty("suppressions")[0].GetProperty("justification").GetString());
    }

    [Theory]
    [InlineData("error", "error")]
    [InlineData("warning", "warning")]
    [InlineData("suggestion", "note")]
    [InlineData("silent", "none")]
    public void Level_follows_the_effective_severity(string configured, string level)
    {
        using var folder = new TempFolder();
        var config = folder.File("a.globalconfig", $"is_global = true\ndotnet_diagnostic.BL0001.severity = {configured}\n");
        var result = Sarif(Oracle("exp1-CatchThrowable"), "--config", config).GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal(level, result.GetProperty("level").GetString());
    }

    [Fact]
    public void Run_has_an_automation_id_a_full_name_and_pascal_case_rule_names()
    {
        var run = Sarif(Oracle("exp1-CatchThrowable")).GetProperty("runs")[0];
        Assert.Equal("bytecodelint/", run.GetProperty("automationDetails").GetProperty("id").GetString());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.StartsWith("BytecodeLint ", driver.GetProperty("fullName").GetString());
        var names = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.All(names, n => Assert.Matches("^[A-Z][A-Za-z0-9]+$", n));
        Assert.Equal(names.Count, names.Distinct().Count());
        // A new rule must get a hand-chosen name, not the title-derived fallback.
        Assert.All(RuleRegistry.AllDescriptors, d => Assert.True(SarifRuleNames.IsNamed(d.Id), $"{d.Id} has no SARIF name in SarifRuleNames"));
        Assert.Equal("ArchiveLimitReached", SarifRuleNames.FromTitle("Archive limit reached"));
    }

    [Theory]
    [InlineData("jars", "jars/")]
    [InlineData("jars/nightly", "jars/nightly")]
    public void Sarif_category_sets_the_automation_id(string category, string id)
    {
        var run = Sarif(Oracle("exp1-CatchThrowable"), "--sarif-category", category).GetProperty("runs")[0];
        Assert.Equal(id, run.GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void Unreadable_inputs_make_the_run_unsuccessful_with_one_notification_each()
    {
        var engine = new BytecodeLint.Analysis.Engine.ScanEngine(RuleRegistry.CreateAnalyzers());
        var report = new ScanReport(engine.Scan([Oracle("exp1-CatchThrowable")]), BytecodeLint.Analysis.Engine.JdkTarget.Any);
        var writer = new StringWriter();
        string bad = Path.Combine(RepoPaths.Root, "bad", "text.jar");
        new SarifFormatter(RepoPaths.Root).Write(report, writer, [(bad, "not a zip archive"), ("/nonexistent.jar", "no such file or directory")]);
        var sarif = JsonDocument.Parse(writer.ToString()).RootElement;
        Assert.Empty(JsonSchemas.Errors(JsonSchemas.Load(JsonSchemas.SarifPath), sarif));
        var invocation = sarif.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notes = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        Assert.Equal(2, notes.Count);
        Assert.Equal(bad + ": not a zip archive", notes[0].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("bad/text.jar", notes[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("error", notes[1].GetProperty("level").GetString());
        Assert.True(Sarif(Oracle("exp1-CatchThrowable")).GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }
}
