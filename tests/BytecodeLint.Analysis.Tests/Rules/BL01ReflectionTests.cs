using BytecodeLint.Analysis.Engine;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// The agent rules on agents shaped like Lombok's: code in hidden class files (<c>*.SCL.lombok</c>) and
/// Instrumentation methods called through <c>getMethod(…)</c> and <c>Method.invoke</c>.
/// </summary>
public class BL01ReflectionTests
{
    private const string Instrumentation = BL01AgentJar.Instrumentation;
    private const string Transformer = "java/lang/instrument/ClassFileTransformer";
    private const string RunDescriptor = "(Ljava/lang/instrument/Instrumentation;)V";
    private const int PublicStatic = ClassAccess.Public | ClassAccess.Static;

    // ------------------------------------------------------------------ hidden class files

    [Fact]
    public void Agent_code_in_a_SCL_lombok_entry_is_read_and_named_by_its_this_class()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Can-Retransform-Classes");
        jar.Worker(c => c.Line(7).Retransform().Return());
        jar.EntryNames["p/Worker"] = "q/Renamed.SCL.lombok"; // the entry's name says nothing about the class

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0101", d.Id);
        Assert.Equal("p.Worker", d.Location.Class);
        Assert.EndsWith("agent.jar!/q/Renamed.SCL.lombok", d.Location.Entry);
    }

    [Fact]
    public void An_agent_class_present_only_under_a_hidden_name_cannot_start()
    {
        var jar = new BL01AgentJar();
        jar.EntryNames["p/Agent"] = "p/Agent.SCL.lombok"; // the JVM's agent loader reads *.class only

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0102", d.Id);
        Assert.Contains("only under a hidden name (Agent.SCL.lombok)", d.Message);
    }

    // ------------------------------------------------------------------ reflective calls

    [Fact]
    public void A_reflective_retransform_without_the_capability_is_BL0101_at_the_invoke()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Can-Retransform-Classes");
        int invokePc = 0;
        Worker(jar, "p/Worker", (w, c) =>
        {
            c.Line(7);
            GetMethod(w, c, "retransformClasses", "[Ljava/lang/Class;");
            invokePc = Invoke(c, 0, a => a.Null());
            c.Return();
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0101", d.Id);
        Assert.Equal(7, d.Location.Line);
        Assert.Equal(invokePc, d.Location.BytecodeOffset);
        Assert.Contains("Instrumentation.retransformClasses (reflectively, through Method.invoke)", d.Message);
    }

    [Fact]
    public void A_reflective_retransform_in_a_loop_over_classes_is_BL0105()
    {
        var jar = new BL01AgentJar();
        int start = 0;
        Worker(jar, "p/Worker", (w, c) =>
        {
            c.Line(10);
            start = c.Builder.Pc;
            c.Line(11);
            GetMethod(w, c, "retransformClasses", "[Ljava/lang/Class;");
            Invoke(c, 0, a => a.Null());
            c.GotoBack(start);
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0105", d.Id);
        Assert.Equal(start, d.Location.BytecodeOffset);
        Assert.Equal(0, d.Properties["callsToRetransform"]);
    }

    [Fact]
    public void A_method_name_that_is_not_a_constant_is_not_read_as_a_call()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Can-Retransform-Classes");
        var w = jar.Class("p/Worker");
        BL0002Classes.Method(w, "run", "(Ljava/lang/instrument/Instrumentation;Ljava/lang/String;)V", c =>
        {
            c.Builder.LdcW(w.Pool.Class(Instrumentation));
            c.Aload(1).Iconst(0).ANewArray("java/lang/Class")
                .Virtual("java/lang/Class", "getMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;");
            Invoke(c, 0, a => a.Null());
            c.Return();
        }, PublicStatic);

        Assert.Empty(jar.Scan());
    }

    [Fact]
    public void A_reflective_capability_query_is_a_guard_like_a_direct_one()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Can-Retransform-Classes");
        jar.Worker(c => c.Line(7).Retransform().Return());
        Worker(jar, "p/Check", (w, c) =>
        {
            GetMethod(w, c, "isRetransformClassesSupported");
            Invoke(c, 0);
            c.Return();
        });

        Assert.Empty(jar.Scan().Only("BL0101"));
    }

    [Fact]
    public void A_Method_kept_in_a_local_from_inst_getClass_is_followed()
    {
        // Lombok's ScriptManager.addToBootClasspath: inst.getClass().getMethod("appendToBootstrapClassLoaderSearch", JarFile.class), then invoke.
        var jar = new BL01AgentJar();
        Worker(jar, "p/Boot", (w, c) =>
        {
            c.Line(4).Aload(0).Virtual("java/lang/Object", "getClass", "()Ljava/lang/Class;");
            c.Builder.LdcW(w.Pool.String("appendToBootstrapClassLoaderSearch"));
            c.Iconst(1).ANewArray("java/lang/Class").Dup().Iconst(0);
            c.Builder.LdcW(w.Pool.Class("java/util/jar/JarFile"));
            c.Aastore().Virtual("java/lang/Class", "getMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;").Astore(1);
            c.Aload(1);
            Invoke(c, 0, a => a.Null());
            c.Return();
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0108", d.Id);
        Assert.Equal(4, d.Location.Line);
    }

    // ------------------------------------------------------------------ BL0104 with reflection

    [Theory]
    [InlineData(true, false)]  // try { addTransformer(t, true) reflectively } catch { addTransformer(t) }: a fallback
    [InlineData(false, true)]  // the same handler without a capable registration in the try block: reported
    public void A_non_capable_registration_is_a_fallback_only_in_the_handler_of_a_capable_one(bool capableInTry, bool reported)
    {
        var jar = new BL01AgentJar();
        var t = jar.Class("p/T", "java/lang/Object", Transformer);
        BL0002Classes.DefaultConstructor(t);
        jar.Worker(c => c.Line(20).Retransform().Return());

        var r = jar.Class("p/Registrar");
        var code = new BL0002Code(r.Pool);
        int start = code.Builder.Pc;
        if (capableInTry)
        {
            GetMethod(r, code, "addTransformer", Transformer, "Z");
            Invoke(code, 0, a => a.Construct("p/T", "()V", _ => { }), a => a.GetStatic("java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;"));
        }
        else code.Aload(0).Pop();
        int end = code.Builder.Pc;
        code.Return();
        int handler = code.Builder.Pc;
        code.Pop().Line(30).Aload(0).Construct("p/T", "()V", _ => { }).Interface(Instrumentation, "addTransformer", "(Ljava/lang/instrument/ClassFileTransformer;)V", 1).Return();
        r.Method(PublicStatic, "register", RunDescriptor).Code(16, 16, code.Builder, a =>
        {
            a.Handler(start, end, handler, "java/lang/Throwable");
            a.LineNumberTable([.. code.Lines]);
        });

        var found = jar.Scan().Only("BL0104");
        Assert.Equal(reported ? 1 : 0, found.Count);
        if (reported) Assert.Equal(30, found[0].Location.Line);
    }

    [Theory]
    [InlineData(true, false)]  // the retransforming method registers its own capable transformer: served
    [InlineData(false, true)]
    public void A_retransform_served_by_a_capable_transformer_of_its_own_method_does_not_make_load_time_transformers_wrong(bool ownCapable, bool reported)
    {
        var jar = new BL01AgentJar();
        var t = jar.Class("p/T", "java/lang/Object", Transformer);
        BL0002Classes.DefaultConstructor(t);
        jar.Worker(c =>
        {
            if (ownCapable)
            {
                // OpenJPA's ClassRedefiner (there reflectively): register a capable transformer, retransform, remove.
                c.Aload(0).Construct("p/T", "()V", _ => { }).Iconst(1).Interface(Instrumentation, "addTransformer", "(Ljava/lang/instrument/ClassFileTransformer;Z)V", 2);
            }
            c.Line(20).Retransform().Return();
        });
        jar.Worker(c => c.Line(5).Aload(0).Construct("p/T", "()V", _ => { }).Interface(Instrumentation, "addTransformer", "(Ljava/lang/instrument/ClassFileTransformer;)V", 1).Return(), "p/LoadTime");

        Assert.Equal(reported ? 1 : 0, jar.Scan().Only("BL0104").Count);
    }

    // ------------------------------------------------------------------ helpers

    private static void Worker(BL01AgentJar jar, string name, Action<ClassBuilder, BL0002Code> body)
    {
        var w = jar.Class(name);
        BL0002Classes.Method(w, "run", RunDescriptor, c => body(w, c), PublicStatic);
    }

    /// <summary><c>Instrumentation.class.getMethod(name, new Class[] { types })</c>; "Z" is <c>boolean.class</c> (Boolean.TYPE).</summary>
    private static void GetMethod(ClassBuilder owner, BL0002Code c, string name, params string[] parameterTypes)
    {
        c.Builder.LdcW(owner.Pool.Class(Instrumentation));
        c.Builder.LdcW(owner.Pool.String(name));
        c.Iconst(parameterTypes.Length).ANewArray("java/lang/Class");
        for (int i = 0; i < parameterTypes.Length; i++)
        {
            c.Dup().Iconst(i);
            if (parameterTypes[i] == "Z") c.GetStatic("java/lang/Boolean", "TYPE", "Ljava/lang/Class;");
            else c.Builder.LdcW(owner.Pool.Class(parameterTypes[i]));
            c.Aastore();
        }
        c.Virtual("java/lang/Class", "getMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;");
    }

    /// <summary><c>method.invoke(local, new Object[] { arguments })</c> with the Method on the stack; returns the pc of the invoke.</summary>
    private static int Invoke(BL0002Code c, int receiverLocal, params Action<BL0002Code>[] arguments)
    {
        c.Aload(receiverLocal).Iconst(arguments.Length).ANewArray("java/lang/Object");
        for (int i = 0; i < arguments.Length; i++)
        {
            c.Dup().Iconst(i);
            arguments[i](c);
            c.Aastore();
        }
        int pc = c.Builder.Pc;
        c.Virtual("java/lang/reflect/Method", "invoke", "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;").Pop();
        return pc;
    }
}
