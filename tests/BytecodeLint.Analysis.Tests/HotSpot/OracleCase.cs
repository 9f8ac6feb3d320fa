using System.Text.Json;
using BytecodeLint.Analysis.HotSpot;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.HotSpot;

/// <summary>One folder of <c>tests/TestData/oracle/cases</c>: class files and what real JVMs measured for them.</summary>
public sealed class OracleCase
{
    private OracleCase(string name)
    {
        Name = name;
        Directory = Path.Combine(Root, name);
        Results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "results.json"))).RootElement;
    }

    public static string Root => RepoPaths.OracleCases;

    public string Name { get; }

    public string Directory { get; }

    public JsonElement Results { get; }

    public static OracleCase Load(string name) => new(name);

    /// <summary>Every case folder, for theories (fails loudly when the oracle data is missing).</summary>
    public static TheoryData<string> Names(string prefix = "")
    {
        var data = new TheoryData<string>();
        foreach (var dir in System.IO.Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (name.StartsWith(prefix, StringComparison.Ordinal) && File.Exists(Path.Combine(dir, "results.json"))) data.Add(name);
        }
        return data;
    }

    public JavaClass Class(string file) => JavaClass.Parse(File.ReadAllBytes(Path.Combine(Directory, file)));

    public string PathOf(string file) => Path.Combine(Directory, file);

    public IEnumerable<OracleRun> Runs =>
        Results.TryGetProperty("runs", out var runs) ? runs.EnumerateArray().Select(r => new OracleRun(r)) : [];
}

/// <summary>One measured JVM run of a case.</summary>
public sealed class OracleRun(JsonElement element)
{
    public JsonElement Element { get; } = element;

    private JsonElement Run => Element.TryGetProperty("run", out var run) ? run : Element;

    public string Jdk => Run.GetProperty("jdk").GetString()!;

    public string VmArgs => Run.TryGetProperty("vm_args", out var args) ? args.GetString() ?? "" : "";

    public JdkProfile Profile => JdkProfile.Parse(Jdk);

    /// <summary>Targets on the boot class path (boot loader) and runs with verification off are not verified.</summary>
    public bool Unverified =>
        VmArgs.Contains("-Xbootclasspath/a:", StringComparison.Ordinal)
        || VmArgs.Contains("-XX:-BytecodeVerificationRemote", StringComparison.Ordinal)
        || VmArgs.Contains("-Xverify:none", StringComparison.Ordinal);

    public bool MetaspaceSizeLarge => VmArgs.Contains("-XX:MetaspaceSize=4g", StringComparison.Ordinal);

    public int Log(string name) => Element.GetProperty("log").GetProperty(name).GetInt32();

    public bool HasLog => Element.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object && log.TryGetProperty("redefinitions", out _);

    public long? FirstRetransformUsedDelta =>
        Run.TryGetProperty("first_retransform_used_delta", out var delta) && delta.ValueKind == JsonValueKind.Number ? delta.GetInt64() : null;

    /// <summary>Metaspace used after the run minus before it.</summary>
    public long UsedDelta => Run.GetProperty("metaspace_after").GetProperty("used").GetInt64() - Run.GetProperty("metaspace_before").GetProperty("used").GetInt64();

    public string? Mode => Run.TryGetProperty("mode", out var mode) ? mode.GetString() : null;

    public override string ToString() => $"{Jdk} {VmArgs}";
}
