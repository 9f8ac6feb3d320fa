using BytecodeLint.Analysis.Rules;
using BytecodeLint.ClassFile;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// BL0002 reads in depth only the classes its gate selects (PoolRebuildGate, DemandCallGraphCollector).
/// These tests pin the gate and the two later rounds that read classes the gate passed over.
/// </summary>
public class BL0002DemandTests
{
    private const string Asm = "org/objectweb/asm";
    private const string W = Asm + "/ClassWriter";
    private const string R = Asm + "/ClassReader";
    private const string Accept = $"(L{Asm}/ClassVisitor;I)V";
    private static readonly PoolRebuildAnalyzer Analyzer = new();

    [Theory]
    [InlineData("org/objectweb/asm/ClassWriter", "toByteArray", "()[B", true)]
    [InlineData("net/bytebuddy/jar/asm/ClassVisitor", "visitEnd", "()V", true)]
    [InlineData("org/objectweb/asm/ClassReader", "accept", "(Lx/V;I)V", true)]
    [InlineData("org/objectweb/asm/tree/ClassNode", "accept", "(Lx/V;)V", true)]
    [InlineData("java/lang/classfile/ClassFile", "of", "()Ljava/lang/classfile/ClassFile;", true)]
    [InlineData("jdk/internal/classfile/Classfile", "of", "()V", true)]
    [InlineData("javassist/CtClass", "toBytecode", "()[B", true)]
    [InlineData("java/lang/instrument/ClassFileTransformer", "transform", "()V", true)]
    [InlineData("p/Loader", "defineClass", "()V", true)]
    [InlineData("java/lang/invoke/MethodHandles$Lookup", "defineHiddenClass", "()V", true)]
    [InlineData("sun/misc/Unsafe", "defineAnonymousClass", "()V", true)]
    [InlineData("java/lang/Class", "getName", "()Ljava/lang/String;", false)]
    [InlineData("java/lang/ClassLoader", "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;", false)]
    [InlineData("com/acme/Writer", "write", "(Lcom/acme/Reader;)V", false)]
    [InlineData("com/acme/Classy", "visitorReader", "()V", false)]
    public void Gate_selects_classes_whose_pool_names_a_followed_api(string owner, string name, string descriptor, bool expected)
    {
        var builder = new ClassBuilder("p/Probe", "java/lang/Object");
        Method(builder, "probe", "()V", c => c.Static(owner, name, descriptor).Return(), ClassAccess.Public | ClassAccess.Static);
        Assert.Equal(expected, PoolRebuildGate.Mentions(JavaClass.Parse(builder.ToArray()).ConstantPool));
    }

    [Theory]
    [InlineData("p/Enhancer", true)]
    [InlineData("javassist/bytecode/ClassFile", false)]
    [InlineData("org/hibernate/javassist/CtClass", false)]
    [InlineData("java/lang/classfile/ClassFile", false)]
    [InlineData("jdk/internal/classfile/impl/ClassImpl", false)]
    public void Gate_leaves_the_library_code_BL0002_never_analyses_to_the_hierarchy(string className, bool expected)
    {
        var builder = new ClassBuilder(className, "java/lang/Object");
        Method(builder, "probe", "()V", c => c.Static(W, "toByteArray", "()[B").Return(), ClassAccess.Public | ClassAccess.Static);
        var parsed = JavaClass.Parse(builder.ToArray());
        Assert.Equal(expected, PoolRebuildGate.Selects(parsed, parsed.Name));
    }

    [Fact]
    public void A_factory_naming_only_a_writer_subclass_is_read_at_the_end_and_reported()
    {
        var set = new BL0002Classes();
        var myWriter = set.Class("p/MyWriter", W);
        Method(myWriter, "<init>", "(I)V", c => c.Aload(0).Iload(1).Special(W, "<init>", "(I)V").Return());
        var factory = set.Class("p/Factory");
        Method(factory, "create", "()Lp/MyWriter;", c => c.Line(30).Construct("p/MyWriter", "(I)V", a => a.Iconst(2)).Areturn(), ClassAccess.Public | ClassAccess.Static);
        set.TransformerClass("p/T", c => c
            .Line(10).Construct(R, "([B)V", a => a.Aload(5)).Astore(6)
            .Line(11).Static("p/Factory", "create", "()Lp/MyWriter;").Astore(7)
            .Line(12).Aload(6).Aload(7).Iconst(0).Virtual(R, "accept", Accept)
            .Line(13).Aload(7).Virtual("p/MyWriter", "toByteArray", "()[B").Areturn());
        Assert.False(PoolRebuildGate.Mentions(JavaClass.Parse(factory.ToArray()).ConstantPool)); // only round 2 can find it

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal("p.Factory", d.Location.Class);
        Assert.Equal("create", d.Location.Member);
        Assert.Equal(30, d.Location.Line);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(1, d.Properties["callsFromTransform"]);
    }

    [Fact]
    public void A_transformer_path_through_a_helper_naming_no_api_keeps_the_error_and_its_distance()
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/T", c => c.Aload(5).Static("p/Helper", "run", "([B)[B").Areturn());
        var helper = set.Class("p/Helper");
        Method(helper, "run", "([B)[B", c => c.Aload(0).Static("p/Enhancer", "enhance", "([B)[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        var enhancer = set.Class("p/Enhancer");
        Method(enhancer, "enhance", "([B)[B", c => c
            .Line(20).Construct(R, "([B)V", a => a.Aload(0)).Astore(1)
            .Line(21).Construct(W, "(I)V", a => a.Iconst(2)).Astore(2)
            .Line(22).Aload(1).Aload(2).Iconst(0).Virtual(R, "accept", Accept)
            .Line(23).Aload(2).Virtual(W, "toByteArray", "()[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        Assert.False(PoolRebuildGate.Mentions(JavaClass.Parse(helper.ToArray()).ConstantPool)); // only round 3 reads it

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal("p.Enhancer", d.Location.Class);
        Assert.Equal(21, d.Location.Line);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(2, d.Properties["callsFromTransform"]);
        Assert.Contains("2 calls away", d.Message);
    }

    /// <summary>
    /// Round 3 extends the transformers' reach round by round instead of recomputing it. A call into an
    /// interface with more than DemandCallGraph.MaxSubtypes implementations reads none of them, but its
    /// targets grow when another path reads one: here transform → Later.a → Later.b → new Task7()
    /// reads Task7 two rounds in, and only then does transform's task.run(bytes) reach Task7.run, whose
    /// Helper (naming no API, so read only if a transformer's path reaches it) calls the enhancer. The
    /// site must still be an error with that path.
    /// </summary>
    [Fact]
    public void A_call_into_many_implementations_reaches_one_that_another_path_reads_later()
    {
        var set = new BL0002Classes();
        set.Interface("p/Task", "run", "([B)[B");
        for (int i = 0; i <= BytecodeLint.Analysis.Flow.DemandCallGraph.MaxSubtypes; i++)
        {
            var impl = set.Class($"p/Task{i}", "java/lang/Object", "p/Task");
            DefaultConstructor(impl);
            Method(impl, "run", "([B)[B", i == 7 ? c => c.Aload(1).Static("p/Helper", "run", "([B)[B").Areturn() : c => c.Aload(1).Areturn());
        }
        Method(set.Class("p/Helper"), "run", "([B)[B", c => c.Aload(0).Static("p/Enhancer", "enhance", "([B)[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        var later = set.Class("p/Later");
        Method(later, "a", "()V", c => c.Static("p/Later", "b", "()V").Return(), ClassAccess.Public | ClassAccess.Static);
        Method(later, "b", "()V", c => c.Construct("p/Task7", "()V", _ => { }).Pop().Return(), ClassAccess.Public | ClassAccess.Static);
        var enhancer = set.Class("p/Enhancer");
        Method(enhancer, "enhance", "([B)[B", c => c
            .Construct(R, "([B)V", a => a.Aload(0)).Astore(1)
            .Line(21).Construct(W, "(I)V", a => a.Iconst(2)).Astore(2)
            .Aload(1).Aload(2).Iconst(0).Virtual(R, "accept", Accept)
            .Aload(2).Virtual(W, "toByteArray", "()[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        set.TransformerClass("p/T", c => c
            .Static("p/Later", "a", "()V")
            .GetStatic("p/Config", "task", "Lp/Task;").Aload(5).Interface("p/Task", "run", "([B)[B", 1).Areturn());

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("p.T.transform → p.Task7.run → p.Helper.run → p.Enhancer.enhance", d.Message);
    }

    /// <summary>
    /// A hostile jar can chain tens of thousands of classes (C0 extends C1 … extends ClassVisitor); the
    /// seed-subtype round walks up that chain and must not overflow the stack (that would kill the
    /// process, not just this scan).
    /// </summary>
    [Fact]
    public void A_thirty_thousand_class_superclass_chain_does_not_overflow_the_stack()
    {
        const int Length = 30_000;
        var jar = new ZipBuilder();
        for (int i = 0; i < Length; i++)
        {
            string super = i == Length - 1 ? Asm + "/ClassVisitor" : $"p/C{i + 1}";
            jar.Add($"p/C{i}.class", new ClassBuilder($"p/C{i}", super).ToArray(), ZipMethod.Stored);
        }
        string path = Path.Combine(Path.GetTempPath(), $"bl0002-chain-{Guid.NewGuid():N}.jar");
        File.WriteAllBytes(path, jar.Build());
        try
        {
            var result = new ScanEngine([Analyzer]).Scan([path]);
            Assert.Equal(Length, result.Inputs[0].Classes);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == InputDiagnostics.AnalyzerFailure.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_a_transformer_the_same_enhancer_is_a_warning()
    {
        var set = new BL0002Classes();
        var enhancer = set.Class("p/Enhancer");
        Method(enhancer, "enhance", "([B)[B", c => c
            .Construct(R, "([B)V", a => a.Aload(0)).Astore(1)
            .Construct(W, "(I)V", a => a.Iconst(2)).Astore(2)
            .Aload(1).Aload(2).Iconst(0).Virtual(R, "accept", Accept)
            .Aload(2).Virtual(W, "toByteArray", "()[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(-1, d.Properties["callsFromTransform"]);
    }
}
