using System.Text.Json;

namespace BytecodeLint.ClassFile.Tests;

/// <summary>
/// Reads the oracle classes (javac output and HotSpot-rewritten bytes) and compares with the
/// per-method facts recorded independently in each case's results.json.
/// </summary>
public class OracleClassTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.EnumerateDirectories(TestClasses.OracleCases).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(dir, "results.json"))) continue;
            foreach (var key in new[] { "original", "transformed" })
                if (File.Exists(Path.Combine(dir, key + ".class"))) data.Add(Path.GetFileName(dir), key);
        }
        return data;
    }

    [Fact]
    public void Oracle_cases_are_present()
    {
        Assert.True(Cases().Count() >= 8, "expected the oracle cases under " + TestClasses.OracleCases);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reader_agrees_with_the_recorded_facts(string caseName, string key)
    {
        string dir = Path.Combine(TestClasses.OracleCases, caseName);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        if (!json.RootElement.TryGetProperty(key, out var expected)) return; // nan-javac records only pool sizes
        var bytes = File.ReadAllBytes(Path.Combine(dir, key + ".class"));
        Assert.Equal(expected.GetProperty("bytes").GetInt32(), bytes.Length);

        var cls = JavaClass.Parse(bytes);
        Assert.Equal(expected.GetProperty("class").GetString(), cls.Name);
        Assert.Equal(expected.GetProperty("major").GetInt32(), cls.MajorVersion);
        Assert.Equal(expected.GetProperty("constant_pool_count").GetInt32(), cls.ConstantPool.Count);

        var methods = expected.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(methods.Count, cls.MethodCount);
        for (int m = 0; m < methods.Count; m++)
        {
            var facts = methods[m];
            var method = cls.GetMethod(m);
            Assert.Equal(facts.GetProperty("name").GetString(), method.NameString + method.DescriptorString);
            var code = method.GetCode();
            Assert.True(code.HasValue);
            var c = code.Value;
            Assert.Equal(facts.GetProperty("code_length").GetInt32(), c.CodeLength);
            Assert.Equal(facts.GetProperty("code_attribute_length").GetInt32(), c.Attribute.Length);
            Assert.Equal(facts.GetProperty("exception_table_length").GetInt32(), c.ExceptionHandlerCount);
            Assert.Equal(facts.GetProperty("max_locals").GetInt32(), c.MaxLocals);
            Assert.Equal(facts.GetProperty("linenumber_entries").GetInt32(), c.LineNumberEntryCount);
            var smt = c.GetStackMapTable();
            Assert.Equal(facts.GetProperty("stackmaptable_length").GetInt32(), smt?.Length ?? 0);
            Assert.Equal(facts.GetProperty("stackmap_frames").GetInt32(), smt?.DecodeFrames().Count ?? 0);
            if (smt is { } table) Assert.Equal(table.FrameCount, table.DecodeFrames().Count);

            int ldc = 0, ldcW = 0, ldc2W = 0;
            var cursor = c.GetInstructions();
            while (cursor.MoveNext())
            {
                if (cursor.Opcode == Opcode.Ldc) ldc++;
                else if (cursor.Opcode == Opcode.LdcW) ldcW++;
                else if (cursor.Opcode == Opcode.Ldc2W) ldc2W++;
            }
            Assert.Equal(facts.GetProperty("ldc").GetInt32(), ldc);
            Assert.Equal(facts.GetProperty("ldc_w").GetInt32(), ldcW);
            Assert.Equal(facts.GetProperty("ldc2_w").GetInt32(), ldc2W);
        }
        FullWalk.Walk(cls);
    }

    [Fact]
    public void Every_oracle_and_sample_class_parses_and_walks()
    {
        int n = 0;
        foreach (var file in TestClasses.OracleClassFiles().Concat(TestClasses.SampleClassFiles()))
        {
            var cls = JavaClass.Parse(File.ReadAllBytes(file));
            Assert.True(FullWalk.Walk(cls) > 0, file);
            n++;
        }
        Assert.True(n >= 20, $"only {n} real class files found");
    }
}
