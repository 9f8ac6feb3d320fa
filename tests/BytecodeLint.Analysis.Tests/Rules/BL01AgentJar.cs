using System.Text;
using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Agent;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// A byte-built agent jar for the BL01xx tests: a manifest (by default a valid agent: Premain-Class
/// p.Agent with both capabilities) and classes written with <see cref="BL0002Code"/>. The default
/// agent class has a public static premain(String, Instrumentation) that only returns.
/// </summary>
internal sealed class BL01AgentJar
{
    public const string Instrumentation = "java/lang/instrument/Instrumentation";
    public const string PremainDescriptor = "(Ljava/lang/String;Ljava/lang/instrument/Instrumentation;)V";
    public const string Retransform = "([Ljava/lang/Class;)V";

    private readonly List<ClassBuilder> _classes = [];

    public BL01AgentJar(bool withAgentClass = true)
    {
        if (!withAgentClass) return;
        var agent = Class("p/Agent");
        BL0002Classes.Method(agent, "premain", PremainDescriptor, c => c.Return(), ClassAccess.Public | ClassAccess.Static);
    }

    /// <summary>Main manifest attributes in order; remove or change entries per test.</summary>
    public Dictionary<string, string> Manifest { get; } = new(StringComparer.Ordinal)
    {
        ["Manifest-Version"] = "1.0",
        ["Premain-Class"] = "p.Agent",
        ["Can-Retransform-Classes"] = "true",
        ["Can-Redefine-Classes"] = "true",
    };

    /// <summary>Entry names that differ from <c>internal/Name.class</c>, by class internal name (hidden class files: <c>p/Worker.SCL.lombok</c>).</summary>
    public Dictionary<string, string> EntryNames { get; } = new(StringComparer.Ordinal);

    public ClassBuilder Class(string name, string? super = "java/lang/Object", params string[] interfaces)
    {
        var builder = new ClassBuilder(name, super);
        foreach (var i in interfaces) builder.Interface(i);
        _classes.Add(builder);
        return builder;
    }

    /// <summary>A class p/Worker with one static method <c>run(Instrumentation)</c> (the Instrumentation is local 0).</summary>
    public ClassBuilder Worker(Action<BL0002Code> body, string name = "p/Worker")
    {
        var c = Class(name);
        BL0002Classes.Method(c, "run", "(Ljava/lang/instrument/Instrumentation;)V", body, ClassAccess.Public | ClassAccess.Static);
        return c;
    }

    public byte[] Build()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in Manifest) text.Append(key).Append(": ").Append(value).Append("\r\n");
        var zip = new ZipBuilder().AddText("META-INF/MANIFEST.MF", text.Append("\r\n").ToString());
        foreach (var c in _classes)
        {
            var bytes = c.ToArray();
            string name = BytecodeLint.ClassFile.JavaClass.Parse(bytes).Name;
            zip.Add(EntryNames.GetValueOrDefault(name, name + ".class"), bytes);
        }
        return zip.Build();
    }

    /// <summary>Writes <paramref name="files"/> (relative path → bytes) to a temp folder and scans <paramref name="input"/> in it (the folder itself when null).</summary>
    public static IReadOnlyList<Diagnostic> Scan(IReadOnlyDictionary<string, byte[]> files, string? input = null)
    {
        // One archive: scanned from memory, as a library caller would (no temporary files).
        if (input is not null && files.Count == 1 && files.TryGetValue(input, out var archive))
            return new ScanEngine([new AgentAnalyzer()]).Scan([ScanInput.FromBytes(input, archive)]).Diagnostics;
        var dir = Directory.CreateTempSubdirectory("bl01-");
        try
        {
            foreach (var (path, bytes) in files)
            {
                var full = Path.Combine(dir.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }
            var result = RuleHarness.Scan([new AgentAnalyzer()], null, input is null ? dir.FullName : Path.Combine(dir.FullName, input));
            return result.Diagnostics;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Scans this jar on its own.</summary>
    public IReadOnlyList<Diagnostic> Scan() => Scan(new Dictionary<string, byte[]> { ["agent.jar"] = Build() }, "agent.jar");
}

/// <summary>Bytecode shortcuts the agent tests need beyond <see cref="BL0002Code"/>.</summary>
internal static class BL01Code
{
    /// <summary><c>inst.retransformClasses(null)</c> with the Instrumentation in <paramref name="local"/>.</summary>
    public static BL0002Code Retransform(this BL0002Code c, int local = 0) =>
        c.Aload(local).Null().Interface(BL01AgentJar.Instrumentation, "retransformClasses", BL01AgentJar.Retransform, 1);

    /// <summary>A backward <c>goto</c> to <paramref name="target"/> (a pc recorded earlier).</summary>
    public static BL0002Code GotoBack(this BL0002Code c, int target)
    {
        c.Builder.Goto(target - c.Builder.Pc);
        return c;
    }

    public static BL0002Code Bastore(this BL0002Code c)
    {
        c.Builder.Op(CodeOpcodes.Bastore);
        return c;
    }

    public static BL0002Code Lconst0(this BL0002Code c)
    {
        c.Builder.Op(CodeOpcodes.Lconst0);
        return c;
    }
}
