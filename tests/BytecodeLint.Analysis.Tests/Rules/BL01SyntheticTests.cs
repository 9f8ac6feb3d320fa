using BytecodeLint.Analysis.Rules;
using BytecodeLint.Analysis.Rules.Agent;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL0101–BL0106 on byte-built agent jars: each test builds the smallest agent showing one case of docs/rules/BL01xx.md.</summary>
public class BL01SyntheticTests
{
    private const string Transformer = "java/lang/instrument/ClassFileTransformer";
    private const string AddOne = "(Ljava/lang/instrument/ClassFileTransformer;)V";
    private const string AddTwo = "(Ljava/lang/instrument/ClassFileTransformer;Z)V";
    private const int PublicStatic = ClassAccess.Public | ClassAccess.Static;

    private static BL0002Code RetransformAtLine(BL0002Code c, int line) => c.Line(line).Retransform().Return();

    // ------------------------------------------------------------------ BL0101

    [Fact]
    public void Retransform_without_the_capability_is_an_error_at_the_call()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Can-Retransform-Classes");
        jar.Worker(c => RetransformAtLine(c, 7));

        var d = Assert.Single(jar.Scan().Only("BL0101"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("p.Worker", d.Location.Class);
        Assert.Equal("run", d.Location.Member);
        Assert.Equal(7, d.Location.Line);
        Assert.Contains("Can-Retransform-Classes: true", d.Message);
        Assert.Contains("UnsupportedOperationException", d.Message);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")] // the JDK compares ignoring case
    public void Retransform_with_the_capability_is_not_a_finding(string value)
    {
        var jar = new BL01AgentJar();
        jar.Manifest["Can-Retransform-Classes"] = value;
        jar.Worker(c => RetransformAtLine(c, 7));
        Assert.Empty(jar.Scan());
    }

    [Fact]
    public void Redefine_without_its_own_capability_names_Can_Redefine_Classes()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Can-Redefine-Classes"); // Can-Retransform-Classes does not grant redefinition
        jar.Worker(c => c.Line(3).Aload(0).Null().Interface(BL01AgentJar.Instrumentation, "redefineClasses", "([Ljava/lang/instrument/ClassDefinition;)V", 1).Return());

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0101", d.Id);
        Assert.Contains("Instrumentation.redefineClasses", d.Message);
        Assert.Contains("Can-Redefine-Classes: true", d.Message);
    }

    [Fact]
    public void A_capability_query_anywhere_in_the_agent_counts_as_a_guard()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Can-Retransform-Classes");
        jar.Worker(c => RetransformAtLine(c, 7));
        jar.Worker(c => c.Aload(0).Interface(BL01AgentJar.Instrumentation, "isRetransformClassesSupported", "()Z", 0).Pop().Return(), "p/Check");
        Assert.Empty(jar.Scan().Only("BL0101"));
    }

    [Fact]
    public void Code_outside_agent_jars_is_not_analysed()
    {
        var jar = new BL01AgentJar();
        jar.Manifest.Remove("Premain-Class"); // a plain library jar now
        jar.Manifest.Remove("Can-Retransform-Classes");
        jar.Worker(c => RetransformAtLine(c, 7));
        Assert.Empty(jar.Scan());
    }

    [Fact]
    public void A_nested_agent_jar_is_checked_against_its_own_manifest_and_the_outer_classes_are_not_agent_code()
    {
        var inner = new BL01AgentJar();
        inner.Manifest.Remove("Can-Retransform-Classes");
        inner.Worker(c => RetransformAtLine(c, 7));

        var outerWorker = new ClassBuilder("outer/Loader");
        BL0002Classes.Method(outerWorker, "run", "(Ljava/lang/instrument/Instrumentation;)V", c => RetransformAtLine(c, 9), PublicStatic);
        var outer = new ZipBuilder()
            .AddText("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n")
            .Add("outer/Loader.class", outerWorker.ToArray())
            .Add("agentjar.jar", inner.Build(), ZipMethod.Stored)
            .Build();

        var d = Assert.Single(BL01AgentJar.Scan(new Dictionary<string, byte[]> { ["outer.jar"] = outer }, "outer.jar"));
        Assert.Equal("BL0101", d.Id);
        Assert.EndsWith("outer.jar!/agentjar.jar!/p/Worker.class", d.Location.Entry);
        Assert.Contains("outer.jar!/agentjar.jar lacks", d.Message);
    }

    [Fact]
    public void Jars_nested_in_an_agent_jar_are_agent_code()
    {
        var library = new BL01AgentJar(withAgentClass: false);
        library.Manifest.Remove("Premain-Class");
        library.Worker(c => RetransformAtLine(c, 7), "lib/Retransformer");

        var bytes = new ZipBuilder()
            .AddText("META-INF/MANIFEST.MF", "Premain-Class: p.Agent\r\n\r\n")
            .Add("p/Agent.class", AgentClass())
            .Add("lib/helper.jar", library.Build(), ZipMethod.Stored)
            .Build();

        var d = Assert.Single(BL01AgentJar.Scan(new Dictionary<string, byte[]> { ["agent.jar"] = bytes }, "agent.jar"));
        Assert.Equal("BL0101", d.Id);
        Assert.Equal("lib.Retransformer", d.Location.Class);
    }

    private static byte[] AgentClass()
    {
        var agent = new ClassBuilder("p/Agent");
        BL0002Classes.Method(agent, "premain", BL01AgentJar.PremainDescriptor, c => c.Return(), PublicStatic);
        return agent.ToArray();
    }

    // ------------------------------------------------------------------ BL0102

    [Fact]
    public void A_valid_agent_class_is_not_a_finding_with_either_signature()
    {
        var jar = new BL01AgentJar(withAgentClass: false);
        var agent = jar.Class("p/Agent");
        BL0002Classes.Method(agent, "premain", "(Ljava/lang/String;)V", c => c.Return(), PublicStatic); // the one-argument form is valid
        Assert.Empty(jar.Scan());
    }

    [Fact]
    public void A_missing_agent_class_is_reported_at_the_manifest()
    {
        var jar = new BL01AgentJar();
        jar.Manifest["Premain-Class"] = "p.Gone";

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0102", d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.EndsWith("agent.jar!/META-INF/MANIFEST.MF", d.Location.Entry);
        Assert.Null(d.Location.Class);
        Assert.Contains("Premain-Class names p.Gone", d.Message);
        Assert.Contains("ClassNotFoundException", d.Message);
    }

    [Fact]
    public void A_missing_agent_class_is_not_reported_when_the_manifest_adds_a_class_path()
    {
        var jar = new BL01AgentJar();
        jar.Manifest["Premain-Class"] = "p.Gone";
        jar.Manifest["Class-Path"] = "agent-core.jar";
        Assert.Empty(jar.Scan());
    }

    [Theory]
    [InlineData("Agent-Class")]
    [InlineData("Launcher-Agent-Class")]
    public void Agent_class_and_launcher_agent_class_need_agentmain(string attribute)
    {
        var jar = new BL01AgentJar(); // p.Agent has premain only
        jar.Manifest[attribute] = "p.Agent";

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0102", d.Id);
        Assert.Equal("p.Agent", d.Location.Class);
        Assert.Contains($"{attribute} names p.Agent, which declares no agentmain(String, Instrumentation) or agentmain(String)", d.Message);
    }

    [Fact]
    public void A_misspelt_entry_method_is_named_in_the_message()
    {
        var jar = new BL01AgentJar(withAgentClass: false);
        var agent = jar.Class("p/Agent");
        BL0002Classes.Method(agent, "preMain", BL01AgentJar.PremainDescriptor, c => c.Return(), PublicStatic);
        var d = Assert.Single(jar.Scan());
        Assert.Contains("it has preMain(", d.Message);
    }

    [Theory]
    [InlineData(0x0008, "is not public")] // static only
    [InlineData(0x0001, "is not static")] // public only
    public void The_entry_method_must_be_public_and_static(int access, string problem)
    {
        var jar = new BL01AgentJar(withAgentClass: false);
        var agent = jar.Class("p/Agent");
        BL0002Classes.Method(agent, "premain", BL01AgentJar.PremainDescriptor, c => c.Return(), access);

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0102", d.Id);
        Assert.Equal("premain", d.Location.Member);
        Assert.Contains(problem, d.Message);
    }

    [Fact]
    public void The_two_argument_method_wins_even_when_it_is_not_public()
    {
        // The JDK looks up (String, Instrumentation) first and rejects it when it is not public,
        // without falling back to a public (String) method.
        var jar = new BL01AgentJar(withAgentClass: false);
        var agent = jar.Class("p/Agent");
        BL0002Classes.Method(agent, "premain", BL01AgentJar.PremainDescriptor, c => c.Return(), ClassAccess.Static);
        BL0002Classes.Method(agent, "premain", "(Ljava/lang/String;)V", c => c.Return(), PublicStatic);
        var d = Assert.Single(jar.Scan());
        Assert.Contains("premain(Ljava/lang/String;Ljava/lang/instrument/Instrumentation;)V is not public", d.Message);
    }

    [Fact]
    public void An_inherited_premain_is_reported_with_a_note()
    {
        var jar = new BL01AgentJar(withAgentClass: false);
        var baseClass = jar.Class("p/Base");
        BL0002Classes.Method(baseClass, "premain", BL01AgentJar.PremainDescriptor, c => c.Return(), PublicStatic);
        jar.Class("p/Agent", "p/Base");
        var d = Assert.Single(jar.Scan());
        Assert.Contains("a superclass has one", d.Message);
    }

    // ------------------------------------------------------------------ BL0103

    private static byte[] BootAgent(string bootClassPath)
    {
        var jar = new BL01AgentJar();
        jar.Manifest["Boot-Class-Path"] = bootClassPath;
        return jar.Build();
    }

    [Fact]
    public void Boot_class_path_entries_are_checked_against_the_archive_that_ships_the_agent()
    {
        var dist = new ZipBuilder()
            .Add("lib/agent.jar", BootAgent("helper.jar missing.jar boot%20dir/ ../../outside.jar /opt/abs.jar file:/x.jar ../top.jar"), ZipMethod.Stored)
            .Add("lib/helper.jar", [1, 2, 3], ZipMethod.Stored)
            .Add("lib/boot dir/a/readme.txt", [0], ZipMethod.Stored)
            .Build();

        var found = BL01AgentJar.Scan(new Dictionary<string, byte[]> { ["dist.zip"] = dist }, "dist.zip").Only("BL0103");
        // helper.jar and "boot dir/" exist; ../../outside.jar leaves the archive, /opt and file: are absolute: not checked.
        Assert.Equal(["../top.jar", "missing.jar"], found.Select(d => d.Evidence["Boot-Class-Path ".Length..]).Order(StringComparer.Ordinal).ToArray());
        Assert.All(found, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.All(found, d => Assert.EndsWith("dist.zip!/lib/agent.jar!/META-INF/MANIFEST.MF", d.Location.Entry));
        Assert.Contains(found, d => d.Message.Contains("resolves to 'lib/missing.jar'"));
        Assert.Contains(found, d => d.Message.Contains("resolves to 'top.jar'"));
    }

    [Fact]
    public void Boot_class_path_entries_are_checked_against_a_scanned_folder()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["lib/agent.jar"] = BootAgent("helper.jar missing.jar"),
            ["lib/helper.jar"] = new ZipBuilder().AddText("a.txt", "x").Build(),
        };
        var d = Assert.Single(BL01AgentJar.Scan(files).Only("BL0103"));
        Assert.Contains("names 'missing.jar'", d.Message);
    }

    [Fact]
    public void Boot_class_path_of_an_agent_jar_scanned_alone_is_not_checked()
    {
        var files = new Dictionary<string, byte[]> { ["agent.jar"] = BootAgent("missing.jar") };
        Assert.Empty(BL01AgentJar.Scan(files, "agent.jar"));
    }

    [Theory]
    [InlineData("lib/", "x.jar", "lib/x.jar")]
    [InlineData("lib/", "../x.jar", "x.jar")]
    [InlineData("lib/", "./boot/", "lib/boot")]
    [InlineData("lib/", "../../x.jar", null)]
    [InlineData("", "..", null)]
    public void Resolve_normalises_relative_paths_inside_the_container(string folder, string relative, string? expected) =>
        Assert.Equal(expected, AgentBootClassPathCheck.Resolve(folder, relative));

    // ------------------------------------------------------------------ BL0104

    private static BL01AgentJar Registration(Action<BL0002Code> addTransformer, bool retransforms)
    {
        var jar = new BL01AgentJar();
        var t = jar.Class("p/T", "java/lang/Object", Transformer);
        BL0002Classes.DefaultConstructor(t);
        jar.Worker(c =>
        {
            c.Line(5).Aload(0).Construct("p/T", "()V", _ => { });
            addTransformer(c);
            if (retransforms) c.Line(6).Retransform();
            c.Return();
        });
        return jar;
    }

    [Fact]
    public void One_argument_addTransformer_with_a_retransform_is_a_warning_at_the_registration()
    {
        var jar = Registration(c => c.Interface(BL01AgentJar.Instrumentation, "addTransformer", AddOne, 1), retransforms: true);
        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0104", d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(5, d.Location.Line);
        Assert.Contains("addTransformer(t),", d.Message);
        Assert.Contains("p.Worker.run, line 6", d.Message);
    }

    [Fact]
    public void AddTransformer_with_constant_false_is_reported_and_true_is_not()
    {
        var withFalse = Registration(c => c.Iconst(0).Interface(BL01AgentJar.Instrumentation, "addTransformer", AddTwo, 2), retransforms: true);
        var withTrue = Registration(c => c.Iconst(1).Interface(BL01AgentJar.Instrumentation, "addTransformer", AddTwo, 2), retransforms: true);
        Assert.Contains("addTransformer(t, false)", Assert.Single(withFalse.Scan()).Message);
        Assert.Empty(withTrue.Scan());
    }

    [Fact]
    public void A_load_time_only_agent_may_use_addTransformer_with_one_argument()
    {
        var jar = Registration(c => c.Interface(BL01AgentJar.Instrumentation, "addTransformer", AddOne, 1), retransforms: false);
        Assert.Empty(jar.Scan());
    }

    // ------------------------------------------------------------------ BL0105

    [Fact]
    public void Retransform_inside_a_loop_is_reported_at_the_loop()
    {
        var jar = new BL01AgentJar();
        int start = 0;
        jar.Worker(c =>
        {
            c.Line(10);
            start = c.Builder.Pc;
            c.Aload(0).Pop();
            c.Line(11).Retransform().GotoBack(start);
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0105", d.Id);
        Assert.Equal(10, d.Location.Line);
        Assert.Equal(start, d.Location.BytecodeOffset);
        Assert.Equal(11, d.Properties["callLine"]);
        Assert.Equal(0, d.Properties["callsToRetransform"]);
        Assert.Contains("calls retransformClasses (line 11) inside a loop", d.Message);
        Assert.Contains("BL0001, BL0004", d.Message);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(0, d.Properties["requestDriven"]);
    }

    [Theory]
    [InlineData("java/net/ServerSocket", "accept", "()Ljava/net/Socket;", "ServerSocket.accept")]
    [InlineData("java/io/BufferedReader", "readLine", "()Ljava/lang/String;", "BufferedReader.readLine")]
    [InlineData("java/util/concurrent/BlockingQueue", "take", "()Ljava/lang/Object;", "BlockingQueue.take")]
    [InlineData("java/io/InputStream", "read", "()I", "InputStream.read")]
    [InlineData("java/util/Scanner", "nextLine", "()Ljava/lang/String;", "Scanner.nextLine")]
    public void A_loop_that_waits_for_a_request_and_retransforms_once_per_request_is_a_note(string owner, string name, string descriptor, string shown)
    {
        var jar = new BL01AgentJar();
        int start = 0;
        jar.Worker(c =>
        {
            start = c.Builder.Pc;
            c.Line(60).Null();
            if (owner.EndsWith("Queue", StringComparison.Ordinal)) c.Interface(owner, name, descriptor, 0);
            else c.Virtual(owner, name, descriptor);
            c.Pop();
            c.Line(61).Retransform().GotoBack(start);
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0105", d.Id);
        Assert.Equal(Severity.Note, d.Severity);
        Assert.Equal(1, d.Properties["requestDriven"]);
        Assert.Equal(start, d.Location.BytecodeOffset);
        Assert.Contains($"inside a loop that waits on {shown} (line 60) each time round", d.Message);
        Assert.Contains("request-driven dispatch", d.Message);
    }

    [Fact]
    public void A_request_read_in_a_helper_called_by_the_loop_makes_it_request_driven()
    {
        var jar = new BL01AgentJar();
        var server = jar.Class("p/Server");
        BL0002Classes.Method(server, "readCommand", "()Ljava/lang/String;", c => c.Line(70).Null()
            .Virtual("java/io/BufferedReader", "readLine", "()Ljava/lang/String;").Areturn(), PublicStatic);
        jar.Worker(c =>
        {
            int start = c.Builder.Pc;
            c.Line(71).Static("p/Server", "readCommand", "()Ljava/lang/String;").Pop();
            c.Line(72).Retransform().GotoBack(start);
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal(Severity.Note, d.Severity);
        Assert.Contains("waits on BufferedReader.readLine (line 70)", d.Message);
    }

    [Fact]
    public void A_loop_that_sleeps_between_retransforms_stays_a_warning()
    {
        var jar = new BL01AgentJar();
        jar.Worker(c =>
        {
            int start = c.Builder.Pc;
            c.Line(80).Lconst0().Static("java/lang/Thread", "sleep", "(J)V");
            c.Line(81).Retransform().GotoBack(start);
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(0, d.Properties["requestDriven"]);
        Assert.DoesNotContain("request-driven", d.Message);
    }

    [Fact]
    public void A_request_read_before_the_loop_does_not_make_it_request_driven()
    {
        var jar = new BL01AgentJar();
        jar.Worker(c =>
        {
            c.Line(90).Null().Virtual("java/net/ServerSocket", "accept", "()Ljava/net/Socket;").Pop();
            int start = c.Builder.Pc;
            c.Line(91).Retransform().GotoBack(start);
        });

        Assert.Equal(Severity.Warning, Assert.Single(jar.Scan()).Severity);
    }

    [Fact]
    public void A_loop_before_the_retransform_is_not_a_finding()
    {
        var jar = new BL01AgentJar();
        jar.Worker(c =>
        {
            int start = c.Builder.Pc;
            c.Aload(0).Pop();
            c.Iconst(0);
            c.Builder.Branch(CodeOpcodes.Ifeq, start - c.Builder.Pc); // loops back over the pop only
            c.Line(20).Retransform().Return();
        });
        Assert.Empty(jar.Scan());
    }

    [Fact]
    public void A_helper_that_retransforms_called_in_a_loop_is_reported_with_its_depth()
    {
        var jar = new BL01AgentJar();
        jar.Worker(c => RetransformAtLine(c, 3), "p/Helper");
        jar.Worker(c =>
        {
            int start = c.Builder.Pc;
            c.Line(30).Aload(0).Static("p/Helper", "run", "(Ljava/lang/instrument/Instrumentation;)V").GotoBack(start);
        });

        var d = Assert.Single(jar.Scan());
        Assert.Equal("p.Worker", d.Location.Class);
        Assert.Equal(1, d.Properties["callsToRetransform"]);
        Assert.Contains("calls p.Helper.run (line 30), which reaches retransformClasses 1 call away", d.Message);
    }

    private const string Scheduler = "java/util/concurrent/ScheduledExecutorService";

    [Fact]
    public void A_lambda_scheduled_at_a_fixed_rate_that_retransforms_is_reported_at_the_scheduling_call()
    {
        var jar = new BL01AgentJar();
        var worker = jar.Class("p/Worker");
        BL0002Classes.Method(worker, "run", "(Ljava/lang/instrument/Instrumentation;)V", c => c
            .Line(40).Null()
            .Aload(0).Lambda(worker, "run", "(Ljava/lang/instrument/Instrumentation;)Ljava/lang/Runnable;", ("p/Worker", "lambda$0", "(Ljava/lang/instrument/Instrumentation;)V"), "()V")
            .Lconst0().Lconst0().Null()
            .Interface(Scheduler, "scheduleAtFixedRate", "(Ljava/lang/Runnable;JJLjava/util/concurrent/TimeUnit;)Ljava/util/concurrent/ScheduledFuture;", 6)
            .Pop().Return(), PublicStatic);
        BL0002Classes.Method(worker, "lambda$0", "(Ljava/lang/instrument/Instrumentation;)V", c => RetransformAtLine(c, 41), ClassAccess.Private | ClassAccess.Static);

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0105", d.Id);
        Assert.Equal(40, d.Location.Line);
        Assert.Contains("hands p.Worker.lambda$0 to ScheduledExecutorService.scheduleAtFixedRate, which calls retransformClasses", d.Message);
    }

    [Fact]
    public void A_one_shot_schedule_is_not_periodic()
    {
        var jar = new BL01AgentJar();
        var worker = jar.Class("p/Worker");
        BL0002Classes.Method(worker, "run", "(Ljava/lang/instrument/Instrumentation;)V", c => c
            .Null()
            .Aload(0).Lambda(worker, "run", "(Ljava/lang/instrument/Instrumentation;)Ljava/lang/Runnable;", ("p/Worker", "lambda$0", "(Ljava/lang/instrument/Instrumentation;)V"), "()V")
            .Lconst0().Null()
            .Interface(Scheduler, "schedule", "(Ljava/lang/Runnable;JLjava/util/concurrent/TimeUnit;)Ljava/util/concurrent/ScheduledFuture;", 4)
            .Pop().Return(), PublicStatic);
        BL0002Classes.Method(worker, "lambda$0", "(Ljava/lang/instrument/Instrumentation;)V", c => RetransformAtLine(c, 41), ClassAccess.Private | ClassAccess.Static);
        Assert.Empty(jar.Scan());
    }

    [Fact]
    public void A_TimerTask_with_a_period_that_retransforms_is_reported()
    {
        var jar = new BL01AgentJar();
        var task = jar.Class("p/Task", "java/util/TimerTask");
        BL0002Classes.DefaultConstructor(task, "java/util/TimerTask");
        BL0002Classes.Method(task, "run", "()V", c => c.Line(50).GetStatic("p/Holder", "inst", "Ljava/lang/instrument/Instrumentation;")
            .Null().Interface(BL01AgentJar.Instrumentation, "retransformClasses", BL01AgentJar.Retransform, 1).Return());
        jar.Worker(c => c.Line(51).Null().Construct("p/Task", "()V", _ => { }).Lconst0().Lconst0()
            .Virtual("java/util/Timer", "schedule", "(Ljava/util/TimerTask;JJ)V").Return());

        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0105", d.Id);
        Assert.Equal(51, d.Location.Line);
        Assert.Contains("hands p.Task.run to Timer.schedule", d.Message);
    }

    // ------------------------------------------------------------------ BL0106

    private static BL01AgentJar TransformerJar(Action<BL0002Code> transform, Action<BL01AgentJar>? more = null)
    {
        var jar = new BL01AgentJar();
        var t = jar.Class("p/T", "java/lang/Object", Transformer);
        BL0002Classes.DefaultConstructor(t);
        BL0002Classes.Method(t, "transform", BL0002Classes.TransformDescriptor, transform);
        more?.Invoke(jar);
        return jar;
    }

    [Fact]
    public void A_store_into_classfileBuffer_is_reported_at_the_store()
    {
        var jar = TransformerJar(c => c.Line(60).Aload(5).Astore(6).Aload(6).Iconst(5).Iconst(2).Bastore().Line(61).Aload(5).Areturn());
        var d = Assert.Single(jar.Scan());
        Assert.Equal("BL0106", d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("transform", d.Location.Member);
        Assert.Equal(60, d.Location.Line);
        Assert.Contains("p.T.transform writes into its classfileBuffer argument with an array store (bastore) (line 60)", d.Message);
    }

    [Fact]
    public void A_store_into_a_copy_is_not_a_finding()
    {
        var jar = TransformerJar(c => c.Aload(5).Virtual("[B", "clone", "()Ljava/lang/Object;").Astore(6)
            .Aload(6).Iconst(5).Iconst(2).Bastore().Aload(6).Areturn());
        Assert.Empty(jar.Scan());
    }

    [Fact]
    public void Arraycopy_into_the_buffer_is_reported_and_from_it_is_not()
    {
        const string Arraycopy = "(Ljava/lang/Object;ILjava/lang/Object;II)V";
        var into = TransformerJar(c => c.Line(70).Null().Iconst(0).Aload(5).Iconst(0).Iconst(4).Static("java/lang/System", "arraycopy", Arraycopy).Null().Areturn());
        var from = TransformerJar(c => c.Line(70).Aload(5).Iconst(0).Null().Iconst(0).Iconst(4).Static("java/lang/System", "arraycopy", Arraycopy).Null().Areturn());
        Assert.Contains("with System.arraycopy (line 70)", Assert.Single(into.Scan()).Message);
        Assert.Empty(from.Scan());
    }

    [Fact]
    public void A_helper_that_writes_the_buffer_is_followed_and_patch_and_restore_is_not_reported()
    {
        static void Patcher(BL01AgentJar jar)
        {
            var helper = jar.Class("p/Bytes");
            BL0002Classes.Method(helper, "patch", "([B)V", c => c.Line(80).Aload(0).Iconst(3).Iconst(1).Bastore().Return(), PublicStatic);
        }
        var once = TransformerJar(c => c.Line(81).Aload(5).Static("p/Bytes", "patch", "([B)V").Null().Areturn(), Patcher);
        var twice = TransformerJar(c => c.Aload(5).Static("p/Bytes", "patch", "([B)V").Aload(5).Static("p/Bytes", "patch", "([B)V").Null().Areturn(), Patcher);

        var d = Assert.Single(once.Scan());
        Assert.Equal(81, d.Location.Line);
        Assert.Equal(1, d.Properties["callsToWrite"]);
        Assert.Contains("by passing it to p.Bytes.patch, which writes it with an array store (bastore) (line 80)", d.Message);
        Assert.Empty(twice.Scan());
    }
}
