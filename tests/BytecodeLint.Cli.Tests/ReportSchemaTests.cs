using System.Text.Json;
using System.Text.Json.Nodes;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Scanning;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

/// <summary>
/// Real outputs of every command against its published schema (docs/schemas/*.schema.json). The
/// schemas close every object (additionalProperties/unevaluatedProperties false) and list the fields
/// that must be there, so a field added, renamed or dropped in the records fails here until the schema
/// (and, for a breaking change, schemaVersion) is updated with it.
/// </summary>
public class ReportSchemaTests
{
    private static readonly string Classes = Path.Combine(RepoPaths.Samples, "java", "classes");

    /// <summary>A class whose pool doubles on every retransform: 20 of them overflow it.</summary>
    private static readonly string NaN = Path.Combine(Classes, "release17", "samples", "app", "NaNConstants.class");

    private static string Output(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        return result.Stdout;
    }

    private static void AssertValid(string schema, string json)
    {
        var errors = JsonSchemas.Errors(JsonSchemas.Report(schema), json);
        Assert.True(errors.Count == 0, $"{schema}: " + string.Join("\n", errors.Take(20)));
    }

    public static TheoryData<string, string[]> Outputs => new()
    {
        { "scan", ["scan", SampleJar("app.jar"), SampleJar("fat-app.jar"), SampleJar("agent-bad.jar"), "-f", "json", "--no-global-config"] },
        { "scan", ["scan", SampleJar("app.jar"), "--source-root", Path.Combine(RepoPaths.Samples, "java", "src", "app"), "--target-jdk", "17", "-f", "json", "--no-global-config"] },
        { "inspect", ["inspect", SampleJar("app.jar"), SampleJar("fat-app.jar"), "-f", "json", "--details"] },
        { "inspect", ["inspect", SampleJar("multi-release.jar"), "-f", "json"] },
        { "simulate", ["simulate", SampleJar("app.jar"), SampleJar("app-java8.jar"), "-f", "json"] },
        { "simulate", ["simulate", SampleJar("app.jar"), SampleJar("app.jar"), "-f", "json", "--retransforms", "3"] },
        { "simulate", ["simulate", Path.Combine(Classes, "release8", "samples", "app", "FinallyOnly.class"), Path.Combine(Classes, "release17", "samples", "app", "FinallyOnly.class"), "-f", "json"] },
        { "simulate", ["simulate", Path.Combine(Classes, "widening", "samples", "app", "BigStackMapWidening.class"), Path.Combine(Classes, "widening", "samples", "app", "BigStackMapWidening.class"), "-f", "json", "--retransforms", "4", "--target-jdk", "17"] },
        { "simulate", ["simulate", NaN, NaN, "-f", "json", "--retransforms", "20", "--target-jdk", "21"] },
        { "rules", ["rules", "-f", "json"] },
    };

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Output_matches_its_schema(string schema, string[] args)
    {
        string json = Output(args);
        AssertValid(schema, json);
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void Repeated_simulation_writes_the_overflow_as_a_number_or_null()
    {
        var overflow = JsonDocument.Parse(Output("simulate", NaN, NaN, "-f", "json", "--retransforms", "20", "--target-jdk", "21")).RootElement;
        Assert.True(overflow.GetProperty("overflowAtRetransform").GetInt32() > 1);
        Assert.Contains("Merged constant pool overflow", overflow.GetProperty("overflowOutcome").GetString());
        var calm = JsonDocument.Parse(Output("simulate", NaN, NaN, "-f", "json", "--retransforms", "2", "--target-jdk", "21")).RootElement;
        Assert.Equal(JsonValueKind.Null, calm.GetProperty("overflowAtRetransform").ValueKind);
        Assert.False(calm.TryGetProperty("overflowOutcome", out _));
        var once = JsonDocument.Parse(Output("simulate", NaN, NaN, "-f", "json")).RootElement;
        Assert.False(once.TryGetProperty("overflowAtRetransform", out _));
    }

    [Fact]
    public void Metaspace_output_matches_its_schema()
    {
        using var folder = new TempFolder();
        // JDK 8 PrintGCDetails lines, Metaspace growing after every full collection.
        var lines = Enumerable.Range(0, 8).Select(i =>
            $"2021-11-30T08:50:{10 + i:00}.000+0800: {1.5 + i:0.000}: [Full GC (Metadata GC Threshold) [PSYoungGen: 1168K->0K(90112K)] [ParOldGen: 1989K->3037K(2104832K)] 3158K->3037K(2194944K), [Metaspace: {100000 + 20000 * i}K->{100000 + 20000 * i}K({200000 + 20000 * i}K)], 0.0914589 secs] [Times: user=0.10 sys=0.00, real=0.09 secs]");
        string log = folder.File("gc.log", string.Join("\n", lines) + "\n");
        string json = Output("metaspace", log, "-f", "json");
        AssertValid("metaspace", json);
        Assert.True(JsonDocument.Parse(json).RootElement.GetProperty("series").GetArrayLength() > 0, json);

        // The recorded JVM logs cover the other shapes (fits, OOM, VM.metaspace snapshots).
        string logs = Path.Combine(RepoPaths.TestData, "logs");
        AssertValid("metaspace", Output("metaspace", Path.Combine(logs, "jdk17-retransform-leak-until-oom.log.gz"), "-f", "json"));
        AssertValid("metaspace", Output("metaspace", Path.Combine(logs, "jdk17-vm-metaspace-before-widening.txt"), Path.Combine(logs, "jdk17-vm-metaspace-after-widening.txt"), "-f", "json"));
        // An agent run (reports around one retransform): growthSplits and a measured bytesPerWidening.
        string agents = Path.Combine(logs, "agents");
        string split = Output("metaspace", Path.Combine(agents, "byteman-17.0.15.before.txt"), Path.Combine(agents, "byteman-17.0.15.redefine.log.gz"),
            Path.Combine(agents, "byteman-17.0.15.after.txt"), "-f", "json");
        AssertValid("metaspace", split);
        using (var document = System.Text.Json.JsonDocument.Parse(split))
        {
            Assert.Equal("growth-split", document.RootElement.GetProperty("growthSplits")[0].GetProperty("kind").GetString());
            Assert.True(document.RootElement.GetProperty("classes")[0].GetProperty("bytesPerWidening").GetDouble() > 0);
        }
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("inspect")]
    [InlineData("simulate")]
    [InlineData("rules")]
    public void Schema_rejects_an_added_a_dropped_and_a_retyped_field(string schema)
    {
        string json = schema switch
        {
            "scan" => Output("scan", SampleJar("app.jar"), "-f", "json", "--no-global-config"),
            "inspect" => Output("inspect", SampleJar("app.jar"), "-f", "json"),
            "simulate" => Output("simulate", SampleJar("app.jar"), SampleJar("app-java8.jar"), "-f", "json"),
            _ => Output("rules", "-f", "json"),
        };
        AssertValid(schema, json);
        var added = JsonNode.Parse(json)!.AsObject();
        added["unexpected"] = 1;
        var dropped = JsonNode.Parse(json)!.AsObject();
        dropped.Remove("tool");
        var retyped = JsonNode.Parse(json)!.AsObject();
        retyped["schemaVersion"] = "1";
        var nested = JsonNode.Parse(json)!.AsObject();
        var list = nested[schema switch { "scan" or "inspect" => "inputs", "simulate" => "classes", _ => "rules" }]!.AsArray();
        Assert.NotEmpty(list);
        list[0]!.AsObject()["unexpected"] = true;
        foreach (var broken in new[] { added, dropped, retyped, nested })
            Assert.NotEmpty(JsonSchemas.Errors(JsonSchemas.Report(schema), broken.ToJsonString()));
    }

    [Fact]
    public void Scan_input_errors_are_written_and_valid()
    {
        var engine = new BytecodeLint.Analysis.Engine.ScanEngine(BytecodeLint.Analysis.Rules.RuleRegistry.CreateAnalyzers());
        var report = new ScanReport(engine.Scan([SampleJar("app.jar")]), BytecodeLint.Analysis.Engine.JdkTarget.Any);
        var writer = new StringWriter();
        JsonFormatter.Write(report, writer, [("bad/text.jar", "not a zip archive")]);
        AssertValid("scan", writer.ToString());
        var error = Assert.Single(JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("inputErrors").EnumerateArray());
        Assert.Equal("bad/text.jar", error.GetProperty("path").GetString());
        Assert.Equal("not a zip archive", error.GetProperty("message").GetString());
    }
}
