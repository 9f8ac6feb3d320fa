using System.Text.Json;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Cli.Tests;

public class InspectCommandTests
{
    private static string Sample(string relative) => Path.Combine(RepoPaths.Samples, "java", relative);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = BytecodeLintApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_has_one_object_per_input_and_a_total()
    {
        string multi = Sample("jars/multi-release.jar"), classes = Sample("classes/release8");
        var (exit, output, error) = Run("inspect", "--format", "json", multi, classes);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("bytecodelint", root.GetProperty("tool").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        var inputs = root.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal([multi, classes], inputs.Select(i => i.GetProperty("path").GetString()));

        // Numbers from the Java+ASM peer on the same inputs (see InputInventoryTests in Analysis.Tests).
        Assert.Equal(10, inputs[0].GetProperty("classEntries").GetInt64());
        Assert.Equal(2, inputs[0].GetProperty("versionedClasses").GetInt64());
        Assert.Equal(6, inputs[0].GetProperty("ldc").GetInt64());
        Assert.Equal(0, inputs[0].GetProperty("classWriterSites").GetProperty("newReader").GetInt64());
        Assert.Equal("ab977d1d26a51d70", inputs[0].GetProperty("throwableHandlerLineHash").GetString());
        Assert.Equal(5387, inputs[1].GetProperty("classBytes").GetInt64());
        Assert.Equal(0, inputs[1].GetProperty("problems").GetArrayLength());
        Assert.False(inputs[0].TryGetProperty("throwableHandlerDetails", out _));

        var total = root.GetProperty("total");
        Assert.Equal("TOTAL", total.GetProperty("path").GetString());
        Assert.Equal(18, total.GetProperty("classEntries").GetInt64());
        Assert.Equal(52, total.GetProperty("minMajor").GetInt32());
        Assert.Equal(61, total.GetProperty("maxMajor").GetInt32());
        Assert.Equal(12, total.GetProperty("throwableHandlers").GetInt64());
        Assert.Equal(35, total.GetProperty("maxStackMapTableLength").GetInt64());
        // The hash of the total is the wrapping sum of the inputs' hashes.
        ulong sum = unchecked(Convert.ToUInt64("ab977d1d26a51d70", 16) + Convert.ToUInt64("b29dec0e057d6b6e", 16));
        Assert.Equal(sum.ToString("x16"), total.GetProperty("throwableHandlerLineHash").GetString());
    }

    [Fact]
    public void Json_field_names_follow_the_contract()
    {
        var (_, output, _) = Run("inspect", "--format", "json", Sample("classes/release8"));
        using var json = JsonDocument.Parse(output);
        var input = json.RootElement.GetProperty("inputs")[0];
        Assert.Equal(
            ["path", "classEntries", "classes", "parseErrors", "classBytes", "nestedJars", "versionedClasses", "minMajor", "maxMajor", "methods",
             "methodsWithCode", "throwableHandlers", "throwableHandlerMethods", "ldc", "ldcW", "ldc2W", "stackMapTablesOver16K",
             "maxStackMapTableLength", "constantPoolsOver256", "classWriterSites", "throwableHandlerLineHash", "problems"],
            input.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["int", "reader", "newInt", "newReader", "intClasses", "readerClasses", "newIntClasses", "newReaderClasses"],
            input.GetProperty("classWriterSites").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Details_list_every_Throwable_handler_with_its_line()
    {
        var (exit, output, _) = Run("inspect", "--format", "json", "--details", Sample("classes/release8"));
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var details = json.RootElement.GetProperty("inputs")[0].GetProperty("throwableHandlerDetails").EnumerateArray().ToList();
        Assert.Equal(5, details.Count); // thr_handlers of the peer
        foreach (var d in details)
        {
            Assert.EndsWith(".class", d.GetProperty("location").GetString());
            Assert.StartsWith("samples/", d.GetProperty("class").GetString());
            Assert.StartsWith("(", d.GetProperty("descriptor").GetString());
            Assert.True(d.GetProperty("line").GetInt32() > 0, "javac output has a line for every handler");
            Assert.True(d.GetProperty("handlerPc").GetInt32() > 0);
        }
    }

    [Fact]
    public void Text_report_shows_each_input_and_the_total()
    {
        var (exit, output, _) = Run("inspect", Sample("jars/multi-release.jar"));
        Assert.Equal(0, exit);
        Assert.Contains(Sample("jars/multi-release.jar"), output);
        Assert.Contains("TOTAL", output);
        Assert.Matches(@"class entries\s+10", output);
        Assert.Matches(@"ldc / ldc_w / ldc2_w\s+6 / 0 / 0", output);
        Assert.Matches(@"major versions\s+52\.\.61", output);
    }

    [Fact]
    public void A_missing_input_exits_2_with_a_one_line_error()
    {
        string missing = Path.Combine(Path.GetTempPath(), "bl-no-such-" + Guid.NewGuid().ToString("N") + ".jar");
        var (exit, output, error) = Run("inspect", "--format", "json", missing);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
        Assert.Contains(missing, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_bad_format_is_a_usage_error()
    {
        var (exit, _, error) = Run("inspect", "--format", "xml", Sample("jars/multi-release.jar"));
        Assert.Equal(2, exit);
        Assert.Contains("xml", error);
    }

    [Fact]
    public void Problems_inside_an_input_are_listed_and_exit_0()
    {
        string dir = Path.Combine(Path.GetTempPath(), "bl-inspect-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "Bad.class"), [0xCA, 0xFE, 0xBA, 0xBE, 0, 0]);
            var (exit, output, _) = Run("inspect", "--format", "json", dir);
            Assert.Equal(0, exit);
            using var json = JsonDocument.Parse(output);
            var input = json.RootElement.GetProperty("inputs")[0];
            Assert.Equal(1, input.GetProperty("parseErrors").GetInt64());
            Assert.Equal(0, input.GetProperty("minMajor").GetInt32());
            var problem = Assert.Single(input.GetProperty("problems").EnumerateArray());
            Assert.EndsWith("Bad.class", problem.GetProperty("location").GetString());
            Assert.Equal(6, problem.GetProperty("offset").GetInt64()); // major_version is cut off
            Assert.Contains("byte offset 6", problem.GetProperty("message").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
