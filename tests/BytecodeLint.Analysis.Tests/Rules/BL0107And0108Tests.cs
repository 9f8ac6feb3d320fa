using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Agent;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL0107 (transform returns classfileBuffer) and BL0108 (run-time boot search append) on byte-built agent jars.</summary>
public class BL0107And0108Tests
{
    private const string Transformer = "java/lang/instrument/ClassFileTransformer";
    private const string Transform5 = "(Ljava/lang/ClassLoader;Ljava/lang/String;Ljava/lang/Class;Ljava/security/ProtectionDomain;[B)[B";
    private const string Transform6 = "(Ljava/lang/Module;Ljava/lang/ClassLoader;Ljava/lang/String;Ljava/lang/Class;Ljava/security/ProtectionDomain;[B)[B";
    private const string AddTwo = "(Ljava/lang/instrument/ClassFileTransformer;Z)V";
    private const string AddOne = "(Ljava/lang/instrument/ClassFileTransformer;)V";

    /// <summary>BL0107 and BL0108 findings only: the agent analyzer runs every agent check.</summary>
    private static IReadOnlyList<Diagnostic> Scan(BL01AgentJar jar) =>
        new ScanEngine([new AgentAnalyzer()]).Scan([ScanInput.FromBytes("agent.jar", jar.Build())]).Diagnostics
            .Where(d => d.Id is RuleIds.ReturnsClassfileBuffer or RuleIds.BootSearchAppend).ToList();

    /// <summary>An agent whose premain registers <paramref name="transformer"/> (constructed with new) as <paramref name="registration"/>.</summary>
    private static BL01AgentJar Agent(string transformer, Action<BL0002Code> transform, string registration = "capable", string descriptor = Transform5, Action<ClassBuilder>? more = null)
    {
        var jar = new BL01AgentJar(withAgentClass: false);
        var agent = jar.Class("p/Agent");
        BL0002Classes.Method(agent, "premain", BL01AgentJar.PremainDescriptor, c =>
        {
            c.Aload(1).Construct(transformer, "()V", _ => { });
            _ = registration switch
            {
                "capable" => c.Iconst(1).Interface(BL01AgentJar.Instrumentation, "addTransformer", AddTwo, 2),
                "not capable" => c.Iconst(0).Interface(BL01AgentJar.Instrumentation, "addTransformer", AddTwo, 2),
                _ => c.Interface(BL01AgentJar.Instrumentation, "addTransformer", AddOne, 1),
            };
            c.Return();
        }, ClassAccess.Public | ClassAccess.Static);
        var t = jar.Class(transformer, "java/lang/Object", Transformer);
        BL0002Classes.DefaultConstructor(t);
        BL0002Classes.Method(t, "transform", descriptor, transform);
        more?.Invoke(t);
        return jar;
    }

    private static void ReturnBuffer(BL0002Code c) => c.Line(9).Aload(5).Areturn();

    [Fact]
    public void Returning_the_buffer_from_a_retransform_capable_transformer_is_a_warning()
    {
        var d = Assert.Single(Scan(Agent("p/PassThrough", ReturnBuffer)));
        Assert.Equal("BL0107", d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("p.PassThrough", d.Location.Class);
        Assert.Equal("transform", d.Location.Member);
        Assert.Equal(1, d.Properties["retransformCapable"]);
        Assert.Contains("p.Agent.premain registers it retransform-capable", d.Message);
        Assert.Contains("return null", d.Message);
    }

    [Theory]
    [InlineData("not capable")]
    [InlineData("one argument")]
    public void Not_capable_registrations_are_a_note(string registration)
    {
        var d = Assert.Single(Scan(Agent("p/PassThrough", ReturnBuffer, registration)));
        Assert.Equal(AgentReturnsBufferCheck.NotCapableRule, d.Descriptor);
        Assert.Equal(Severity.Note, d.Severity);
        Assert.Equal(0, d.Properties["retransformCapable"]);
    }

    [Fact]
    public void Returning_null_is_silent()
    {
        Assert.Empty(Scan(Agent("p/Quiet", c => c.Null().Areturn())));
    }

    [Fact]
    public void Returning_a_copy_is_silent()
    {
        Assert.Empty(Scan(Agent("p/Copy", c => c.Aload(5).Virtual("[B", "clone", "()Ljava/lang/Object;").Areturn())));
    }

    [Fact]
    public void Returning_the_buffer_on_one_branch_fires()
    {
        // if (name == null) return null; return buffer;   aload 2 @0, ifnull @2 → @8, aload 5 @5, areturn @7, aconst_null @8
        var jar = Agent("p/Conditional", c =>
        {
            c.Aload(2);
            c.Builder.Branch(CodeOpcodes.Ifnull, 6);
            c.Aload(5).Areturn();
            c.Null().Areturn();
        });
        Assert.Single(Scan(jar));
    }

    [Fact]
    public void Returning_through_a_local_and_a_helper_fires_and_names_the_helper()
    {
        var jar = Agent("p/Helper", c => c.Aload(5).Astore(6).Aload(6).Static("p/Helper", "passThrough", "([B)[B").Areturn(),
            more: t => BL0002Classes.Method(t, "passThrough", "([B)[B", c => c.Aload(0).Areturn(), ClassAccess.Private | ClassAccess.Static));
        var d = Assert.Single(Scan(jar));
        Assert.Contains("through p.Helper.passThrough", d.Message);
        Assert.Equal(1, d.Properties["callsToReturn"]);
    }

    /// <summary>
    /// The allocation instrumenter's shape: transform returns <c>instrument(buffer)</c>, which wraps the buffer
    /// in an adapter (<c>new Adapter(buffer)</c> keeps it in a field) and returns <c>adapter.toByteArray()</c>,
    /// which gives the field back when the adapter gave the class up.
    /// </summary>
    private static BL01AgentJar ThroughAField(Action<BL0002Code> toByteArray)
    {
        var jar = Agent("p/Instrumenting", c => c.Aload(5).Static("p/Instrumenting", "instrument", "([B)[B").Areturn(),
            more: t => BL0002Classes.Method(t, "instrument", "([B)[B",
                c => c.Construct("p/Adapter", "([B)V", a => a.Aload(0)).Astore(1).Aload(1).Virtual("p/Adapter", "toByteArray", "()[B").Areturn(),
                ClassAccess.Public | ClassAccess.Static));
        var adapter = jar.Class("p/Adapter");
        adapter.Field(ClassAccess.Private, "original", "[B");
        BL0002Classes.Method(adapter, "<init>", "([B)V",
            c => c.Aload(0).Special("java/lang/Object", "<init>", "()V").Aload(0).Aload(1).PutField("p/Adapter", "original", "[B").Return());
        BL0002Classes.Method(adapter, "toByteArray", "()[B", toByteArray);
        return jar;
    }

    [Fact]
    public void A_buffer_kept_in_a_field_of_a_wrapper_and_returned_from_it_fires()
    {
        var d = Assert.Single(Scan(ThroughAField(c => c.Aload(0).GetField("p/Adapter", "original", "[B").Areturn())));
        Assert.Contains("p.Adapter.toByteArray", d.Message);
    }

    [Fact]
    public void A_wrapper_returning_other_bytes_is_silent()
    {
        Assert.Empty(Scan(ThroughAField(c => c.Null().Areturn())));
    }

    [Fact]
    public void A_helper_that_returns_a_new_array_is_silent()
    {
        var jar = Agent("p/Helper", c => c.Aload(5).Static("p/Helper", "copy", "([B)[B").Areturn(),
            more: t => BL0002Classes.Method(t, "copy", "([B)[B", c => c.Aload(0).Virtual("[B", "clone", "()Ljava/lang/Object;").Areturn(), ClassAccess.Private | ClassAccess.Static));
        Assert.Empty(Scan(jar));
    }

    [Fact]
    public void The_module_overload_and_an_anonymous_class_are_checked()
    {
        var d = Assert.Single(Scan(Agent("p/Agent$1", c => c.Aload(6).Areturn(), descriptor: Transform6)));
        Assert.Equal("p.Agent$1", d.Location.Class);
    }

    [Fact]
    public void A_transformer_that_writes_into_the_buffer_and_returns_it_is_left_to_BL0106()
    {
        Assert.Empty(Scan(Agent("p/Patch", c => c.Aload(5).Iconst(0).Iconst(1).Bastore().Aload(5).Areturn())));
    }

    [Fact]
    public void Runtime_boot_search_append_is_a_warning_quoting_the_jvm()
    {
        var jar = new BL01AgentJar();
        jar.Worker(c => c.Line(4).Aload(0).Null().Interface(BL01AgentJar.Instrumentation, "appendToBootstrapClassLoaderSearch", "(Ljava/util/jar/JarFile;)V", 1).Return());
        var d = Assert.Single(Scan(jar));
        Assert.Equal("BL0108", d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("p.Worker", d.Location.Class);
        Assert.Equal(4, d.Location.Line);
        Assert.Contains("Sharing is only supported for boot loader classes because bootstrap classpath has been appended", d.Message);
        Assert.Contains("AppCDS or the AOT cache", d.Message);
    }

    [Fact]
    public void Manifest_boot_class_path_alone_is_not_BL0108()
    {
        var jar = new BL01AgentJar();
        jar.Manifest["Boot-Class-Path"] = "boot-helper.jar";
        jar.Worker(c => c.Aload(0).Null().Interface(BL01AgentJar.Instrumentation, "appendToSystemClassLoaderSearch", "(Ljava/util/jar/JarFile;)V", 1).Return());
        Assert.Empty(Scan(jar));
    }

    [Fact]
    public void Code_outside_an_agent_jar_is_not_analysed()
    {
        var jar = Agent("p/PassThrough", ReturnBuffer);
        jar.Manifest.Remove("Premain-Class");
        Assert.Empty(Scan(jar));
    }
}
