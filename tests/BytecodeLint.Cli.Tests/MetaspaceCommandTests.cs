using System.Text.Json;
using System.Xml.Linq;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Cli.Tests.CliRunner;

namespace BytecodeLint.Cli.Tests;

/// <summary><c>bytecodelint metaspace</c> run in process on the shared JVM logs.</summary>
public class MetaspaceCommandTests
{
    private static string Log(string name) => RepoPaths.Log(name);

    private static readonly string Jdk17 = Log("jdk17-retransform-leak-until-oom.log.gz");

    [Fact]
    public void Text_report_on_the_jdk17_log_gives_the_diagnosis()
    {
        var r = Run("metaspace", Jdk17, "--classes", Oracle("exp1-CatchThrowable"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var first = r.Stdout.Split('\n')[0];
        Assert.StartsWith("LEAK:", first);
        Assert.Contains("quadratically", first);
        Assert.Contains("OutOfMemoryError: Metaspace at retransform 1,888", first);
        Assert.Contains("t1.CatchThrowable: +2 pool entries per redefinition → BL0001", first);
        Assert.Contains("MaxMetaspaceSize 128.0 MB (log)", r.Stdout);
        Assert.Contains("0 not understood", r.Stdout);
    }

    [Fact]
    public void Text_report_on_the_jdk25_log_says_no_leak()
    {
        var r = Run("metaspace", Log("jdk25-retransform-no-leak.log.gz"));
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("NO LEAK:", r.Stdout);
    }

    [Fact]
    public void Fail_on_leak_exits_with_1()
    {
        Assert.Equal(1, Run("metaspace", Jdk17, "--fail-on-leak").ExitCode);
        Assert.Equal(0, Run("metaspace", Log("jdk25-retransform-no-leak.log.gz"), "--fail-on-leak").ExitCode);
    }

    [Fact]
    public void Json_uses_the_documented_names()
    {
        var r = Run("metaspace", Jdk17, "--classes", Oracle("exp1-CatchThrowable"), "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("leak", root.GetProperty("verdict").GetString());
        Assert.Equal("retransforms", root.GetProperty("xAxis").GetProperty("kind").GetString());
        Assert.Equal("quadratic", root.GetProperty("fit").GetProperty("shape").GetString());
        var limit = root.GetProperty("limit");
        Assert.Equal(128L << 20, limit.GetProperty("maxMetaspaceBytes").GetInt64());
        Assert.Equal(1888, limit.GetProperty("oom").GetProperty("x").GetDouble());
        var cls = root.GetProperty("classes")[0];
        Assert.Equal("t1.CatchThrowable", cls.GetProperty("name").GetString());
        Assert.Equal(2, cls.GetProperty("typicalGrowth").GetInt32());
        Assert.Equal("constant", cls.GetProperty("pattern").GetString());
        Assert.Equal("BL0001", cls.GetProperty("ruleId").GetString());
        Assert.Equal(12, root.GetProperty("collections").GetProperty("metadataThreshold").GetInt32());
        Assert.Equal(0, root.GetProperty("inputs").GetProperty("lines").GetProperty("notUnderstood").GetInt64());
        var point = root.GetProperty("series")[0];
        foreach (var name in new[] { "x", "kind", "usedBytes", "committedBytes", "classUsedBytes", "uptimeSeconds", "cause", "where" })
            Assert.True(point.TryGetProperty(name, out _), name);
    }

    [Fact]
    public void Plot_is_well_formed_svg_with_every_series()
    {
        var path = Path.Combine(Path.GetTempPath(), $"metaspace-{Guid.NewGuid():N}.svg");
        try
        {
            var r = Run("metaspace", Jdk17, "--classes", Oracle("exp1-CatchThrowable"), "--plot", path);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("Plot:", r.Stdout);
            var svg = XDocument.Load(path);
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Root!.Name);
            string[] ids = ["used", "committed", "class-space-used", "fit", "limit", "oom", "gc-markers", "legend"];
            foreach (var id in ids)
                Assert.True(svg.Descendants().Any(e => (string?)e.Attribute("id") == id), id);
            var used = svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("id") == "used").Element(ns + "polyline")!;
            Assert.Equal(31, used.Attribute("points")!.Value.Split(' ').Length); // 29 GC readings, the OOM report, the exit printout
            // 12 threshold + 1 "Clear Soft References" markers
            Assert.Equal(13, svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("id") == "gc-markers").Elements(ns + "path").Count());
            var text = string.Concat(svg.Descendants(ns + "text").Select(t => t.Value + "\n"));
            Assert.Contains("MaxMetaspaceSize 128.0 MB", text);
            Assert.Contains("OutOfMemoryError: Metaspace", text);
            Assert.Contains("Retransforms of t1.CatchThrowable", text);
            Assert.Contains("BL0001", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Max_metaspace_option_sets_the_limit_when_the_log_has_none()
    {
        var r = Run("metaspace", Log("jdk25-retransform-no-leak.log.gz"), "--max-metaspace", "64m", "--format", "json");
        using var json = JsonDocument.Parse(r.Stdout);
        var limit = json.RootElement.GetProperty("limit");
        Assert.Equal(64L << 20, limit.GetProperty("maxMetaspaceBytes").GetInt64());
        Assert.Equal("option", limit.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, limit.GetProperty("projectedX").ValueKind); // level: never reached
    }

    [Theory]
    [InlineData("--max-metaspace", "lots")]
    [InlineData("--format", "xml")]
    public void Bad_options_exit_with_2(string option, string value)
    {
        var r = Run("metaspace", Jdk17, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error", r.Stderr);
    }

    [Fact]
    public void Missing_log_is_a_user_error_naming_the_file()
    {
        var r = Run("metaspace", "/no/such/gc.log");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/no/such/gc.log", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Damaged_gzip_is_a_user_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.log.gz");
        try
        {
            // A gzip header (no optional fields) followed by a deflate block of the reserved type 3.
            byte[] header = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03];
            File.WriteAllBytes(path, [.. header, .. Enumerable.Repeat((byte)0xFF, 400)]);
            var r = Run("metaspace", path);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains(path, r.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Vm_metaspace_pair_reports_deallocated_blocks_in_json_and_plot()
    {
        var path = Path.Combine(Path.GetTempPath(), $"metaspace-vm-{Guid.NewGuid():N}.svg");
        try
        {
            var r = Run("metaspace", Log("jdk17-vm-metaspace-before-widening.txt"), Log("jdk17-vm-metaspace-after-widening.txt"), "--format", "json", "--plot", path);
            Assert.Equal(0, r.ExitCode);
            using var json = JsonDocument.Parse(r.Stdout);
            var after = json.RootElement.GetProperty("snapshots")[1];
            // "deallocated: 1458 blocks with 244.56 MB" (Both row of the after report)
            Assert.Equal(1458, after.GetProperty("deallocatedBlocks").GetInt64());
            Assert.InRange(after.GetProperty("deallocatedBytes").GetInt64(), (long)(244.55 * (1 << 20)), (long)(244.57 * (1 << 20)));
            Assert.Equal(2, after.GetProperty("allocationsFailedAtLimit").GetInt64());
            Assert.Equal("deallocated-blocks", json.RootElement.GetProperty("fragmentation")[0].GetProperty("kind").GetString());
            var svg = XDocument.Load(path);
            Assert.Contains(svg.Descendants(), e => (string?)e.Attribute("id") == "deallocated");
            Assert.Contains(svg.Descendants(), e => e.Value == "jdk17-vm-metaspace-after-widening.txt");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
