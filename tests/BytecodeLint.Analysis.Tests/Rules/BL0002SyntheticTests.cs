using BytecodeLint.Analysis.Rules;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL0002 on byte-built classes: each test builds the smallest artifact showing one case of docs/rules/BL0002.md.</summary>
public class BL0002SyntheticTests
{
    private const string Asm = "org/objectweb/asm";
    private static readonly PoolRebuildAnalyzer Analyzer = new();

    private static string W(string p = Asm) => p + "/ClassWriter";
    private static string R(string p = Asm) => p + "/ClassReader";
    private static string Accept(string p = Asm) => $"(L{p}/ClassVisitor;I)V";

    /// <summary>transform: reader over classfileBuffer (local 5), writer built by <paramref name="writer"/>, reader.accept(writer), return bytes.</summary>
    private static Action<BL0002Code> ReadWrite(string p, Action<BL0002Code> writer, string writerType) => c => c
        .Line(10).Construct(R(p), "([B)V", a => a.Aload(5)).Astore(6)
        .Line(11).Do(writer).Astore(7)
        .Line(12).Aload(6).Aload(7).Iconst(0).Virtual(R(p), "accept", Accept(p))
        .Line(13).Aload(7).Virtual(writerType, "toByteArray", "()[B").Areturn();

    [Fact]
    public void Fresh_writer_fed_by_the_transform_input_is_an_error_at_the_construction()
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/FreshT", ReadWrite(Asm, c => c.Construct(W(), "(I)V", a => a.Iconst(2)), W()));

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("p.FreshT", d.Location.Class);
        Assert.Equal("transform", d.Location.Member);
        Assert.Equal(11, d.Location.Line);
        Assert.Contains("p.FreshT.transform (line 11)", d.Message);
        Assert.Contains("new ClassWriter(int)", d.Message);
        Assert.Contains("new ClassWriter(classReader, flags)", d.Message);
        Assert.Equal(1, d.Properties["reachableFromTransform"]);
        Assert.Equal(0, d.Properties["callsFromTransform"]);
        Assert.Equal(11, d.Properties["line"]);
        Assert.Equal(1, d.Properties["transformImplementations"]);
    }

    [Fact]
    public void Writer_built_on_the_reader_preserves_the_pool()
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/GoodT", ReadWrite(Asm, c => c.Construct(W(), $"(L{R()};I)V", a => a.Aload(6).Iconst(2)), W()));
        Assert.Empty(set.Scan(Analyzer));
    }

    [Fact]
    public void Null_reader_passed_to_the_two_argument_constructor_rebuilds()
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/NullT", ReadWrite(Asm, c => c.Construct(W(), $"(L{R()};I)V", a => a.Null().Iconst(2)), W()));
        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Contains("with a null ClassReader", d.Message);
    }

    [Fact]
    public void Pure_generation_is_not_a_finding_even_inside_transform()
    {
        var set = new BL0002Classes();
        // transform generates a brand-new class: no reader anywhere behind the writer.
        set.TransformerClass("p/GenT", c => c
            .Construct(W(), "(I)V", a => a.Iconst(2)).Astore(7)
            .Aload(7).Virtual(W(), "toByteArray", "()[B").Areturn());
        Assert.Empty(set.Scan(Analyzer));
    }

    [Theory]
    [InlineData("net/bytebuddy/jar/asm")]
    [InlineData("com/alibaba/arthas/deps/org/objectweb/asm")]
    [InlineData("org/jacoco/agent/rt/internal_3570298/asm")]
    [InlineData("jdk/internal/org/objectweb/asm")]
    [InlineData("datadog/instrument/asm")]
    [InlineData("org/apache/xbean/asm5")]
    [InlineData("org/apache/xbean/asm9")]
    public void Shaded_asm_outside_the_artifact_is_recognised_by_name(string package)
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/ShadedT", ReadWrite(package, c => c.Construct(W(package), "(I)V", a => a.Iconst(1)), W(package)));
        Assert.Single(set.Scan(Analyzer));
    }

    [Theory]
    [InlineData("com/acme/util")]
    [InlineData("com/acme/chasm")]
    [InlineData("com/acme/asm5x")]
    [InlineData("com/acme/asm/util")]
    public void A_class_named_ClassWriter_outside_an_asm_package_is_not_asm(string package)
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/OtherT", ReadWrite(package, c => c.Construct(W(package), "(I)V", a => a.Iconst(1)), W(package)));
        Assert.Empty(set.Scan(Analyzer));
    }

    [Fact]
    public void Renamed_writer_in_the_artifact_is_recognised_by_shape_and_asm_internals_are_not_findings()
    {
        var set = new BL0002Classes();
        // Obfuscating shader: package and class names changed, members kept.
        set.AsmCopy("x/y", writer: "Qw", reader: "Qr", visitor: "ClassVisitor");
        set.TransformerClass("p/RenamedT", c => c
            .Line(20).Construct("x/y/Qr", "([B)V", a => a.Aload(5)).Astore(6)
            .Line(21).Construct("x/y/Qw", "(I)V", a => a.Iconst(2)).Astore(7)
            .Line(22).Aload(6).Aload(7).Iconst(0).Virtual("x/y/Qr", "accept", "(Lx/y/ClassVisitor;I)V")
            .Aload(7).Virtual("x/y/Qw", "toByteArray", "()[B").Areturn());

        var d = Assert.Single(set.Scan(Analyzer)); // the copy's own Qw(int) → this(null, flags) is not one
        Assert.Equal("p.RenamedT", d.Location.Class);
        Assert.Equal(21, d.Location.Line);
        Assert.Contains("new Qw(int)", d.Message);
    }

    [Fact]
    public void Asm_copy_alone_has_no_findings()
    {
        var set = new BL0002Classes();
        set.AsmCopy("org/objectweb/asm");
        // Library code inside the copy that rewrites with a fresh writer (like ASM's own tools) is not the enhancer's.
        var tool = set.Class("org/objectweb/asm/util/Tool");
        Method(tool, "rewrite", "([B)[B", c => c
            .Construct(R(), "([B)V", a => a.Aload(0)).Astore(1)
            .Construct(W(), "(I)V", a => a.Iconst(0)).Astore(2)
            .Aload(1).Aload(2).Iconst(0).Virtual(R(), "accept", Accept())
            .Aload(2).Virtual(W(), "toByteArray", "()[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        Assert.Empty(set.Scan(Analyzer));
    }

    [Fact]
    public void Subclass_delegating_to_the_int_constructor_through_a_chain_rebuilds()
    {
        var set = new BL0002Classes();
        var b = set.Class("p/BaseWriter", W());
        Method(b, "<init>", "(I)V", c => c.Aload(0).Iload(1).Special(W(), "<init>", "(I)V").Return());
        var a = set.Class("p/LeafWriter", "p/BaseWriter");
        Method(a, "<init>", "(ILjava/lang/ClassLoader;)V", c => c.Aload(0).Iload(1).Special("p/BaseWriter", "<init>", "(I)V").Return());
        set.TransformerClass("p/ChainT", ReadWrite(Asm, c => c.Construct("p/LeafWriter", "(ILjava/lang/ClassLoader;)V", x => x.Iconst(2).Aload(1)), W()));

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Contains("new LeafWriter(int, ClassLoader) → BaseWriter(int) → ClassWriter(int)", d.Message);
        Assert.Equal(3, d.Properties["constructorChainLength"]);
    }

    [Fact]
    public void Subclass_passing_null_through_this_then_super_rebuilds_like_arthas_3_3()
    {
        var set = new BL0002Classes();
        var w = set.Class("p/LoaderAwareWriter", W());
        // (int, ClassLoader) → this(null, flags, loader); (ClassReader, int, ClassLoader) → super(reader, flags)
        Method(w, "<init>", "(ILjava/lang/ClassLoader;)V", c => c.Aload(0).Null().Iload(1).Aload(2)
            .Special("p/LoaderAwareWriter", "<init>", $"(L{R()};ILjava/lang/ClassLoader;)V").Return());
        Method(w, "<init>", $"(L{R()};ILjava/lang/ClassLoader;)V", c => c.Aload(0).Aload(1).Iload(2).Special(W(), "<init>", $"(L{R()};I)V").Return());
        set.TransformerClass("p/ArthasT", ReadWrite(Asm, c => c.Construct("p/LoaderAwareWriter", "(ILjava/lang/ClassLoader;)V", x => x.Iconst(3).Aload(1)), W()));

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Contains("with a null ClassReader", d.Message);
        Assert.Equal(3, d.Properties["constructorChainLength"]);
    }

    [Fact]
    public void Subclass_passing_the_callers_reader_through_preserves_like_jacoco()
    {
        var set = new BL0002Classes();
        var w = set.Class("p/Instrumenter$1", W());
        // Anonymous class: the outer instance first, then (reader, flags) handed to super.
        Method(w, "<init>", $"(Lp/Instrumenter;L{R()};I)V", c => c.Aload(0).Aload(2).Iload(3).Special(W(), "<init>", $"(L{R()};I)V").Return());
        set.TransformerClass("p/JacocoT", ReadWrite(Asm, c => c.Construct("p/Instrumenter$1", $"(Lp/Instrumenter;L{R()};I)V", x => x.Aload(0).Aload(6).Iconst(0)), W()));
        Assert.Empty(set.Scan(Analyzer));
    }

    [Fact]
    public void Reader_to_writer_flow_through_a_helper_call_is_followed()
    {
        var set = new BL0002Classes();
        var helper = set.Class("p/Helper");
        // static byte[] write(ClassReader reader) { ClassWriter w = new ClassWriter(2); reader.accept(w, 0); return w.toByteArray(); }
        Method(helper, "write", $"(L{R()};)[B", c => c
            .Line(40).Construct(W(), "(I)V", a => a.Iconst(2)).Astore(1)
            .Aload(0).Aload(1).Iconst(0).Virtual(R(), "accept", Accept())
            .Aload(1).Virtual(W(), "toByteArray", "()[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        set.TransformerClass("p/HelperT", c => c
            .Construct(R(), "([B)V", a => a.Aload(5)).Static("p/Helper", "write", $"(L{R()};)[B").Areturn());

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal("p.Helper", d.Location.Class);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(1, d.Properties["callsFromTransform"]);
        Assert.Contains("p.HelperT.transform, 1 call away", d.Message);
    }

    [Fact]
    public void Writer_returned_by_a_factory_and_wrapped_in_an_adapter_is_followed_back()
    {
        var set = new BL0002Classes();
        var factory = set.Class("p/Writers");
        Method(factory, "create", $"()L{W()};", c => c.Line(7).Construct(W(), "(I)V", a => a.Iconst(1)).Areturn(), ClassAccess.Public | ClassAccess.Static);
        var adapter = set.Class("p/Adapter", Asm + "/ClassVisitor");
        Method(adapter, "<init>", $"(L{Asm}/ClassVisitor;)V", c => c.Aload(0).Special(Asm + "/ClassVisitor", "<init>", "()V").Return());
        set.TransformerClass("p/FactoryT", c => c
            .Construct(R(), "([B)V", a => a.Aload(5)).Astore(6)
            .Static("p/Writers", "create", $"()L{W()};").Astore(7)
            .Aload(6).Construct("p/Adapter", $"(L{Asm}/ClassVisitor;)V", a => a.Aload(7)).Iconst(0).Virtual(R(), "accept", Accept())
            .Aload(7).Virtual(W(), "toByteArray", "()[B").Areturn());

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal("p.Writers", d.Location.Class);
        Assert.Equal(7, d.Location.Line);
    }

    [Fact]
    public void ClassNode_round_trip_without_the_reader_rebuilds()
    {
        var set = new BL0002Classes();
        const string Node = Asm + "/tree/ClassNode";
        var utils = set.Class("p/AsmUtils");
        // toClassNode(bytes): node = new ClassNode(); new ClassReader(bytes).accept(node, 0); return node;
        Method(utils, "toClassNode", $"([B)L{Node};", c => c
            .Construct(Node, "()V", _ => { }).Astore(1)
            .Construct(R(), "([B)V", a => a.Aload(0)).Aload(1).Iconst(0).Virtual(R(), "accept", Accept())
            .Aload(1).Areturn(), ClassAccess.Public | ClassAccess.Static);
        // toBytes(node): w = new ClassWriter(3); node.accept(w); return w.toByteArray();
        Method(utils, "toBytes", $"(L{Node};)[B", c => c
            .Line(55).Construct(W(), "(I)V", a => a.Iconst(3)).Astore(1)
            .Aload(0).Aload(1).Virtual(Node, "accept", $"(L{Asm}/ClassVisitor;)V")
            .Aload(1).Virtual(W(), "toByteArray", "()[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        set.TransformerClass("p/NodeT", c => c
            .Aload(5).Static("p/AsmUtils", "toClassNode", $"([B)L{Node};").Static("p/AsmUtils", "toBytes", $"(L{Node};)[B").Areturn());

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal("toBytes", d.Location.Member);
        Assert.Equal(55, d.Location.Line);
    }

    [Fact]
    public void Generation_helper_next_to_a_reading_helper_is_not_a_finding()
    {
        // JFR's EventHandlerCreator shape: the caller reads an existing class, then generates a new
        // one with a writer kept in a field and fed by visit calls only.
        var set = new BL0002Classes();
        var creator = set.Class("p/HandlerCreator");
        Method(creator, "<init>", "()V", c => c.Aload(0).Special("java/lang/Object", "<init>", "()V")
            .Aload(0).Construct(W(), "(I)V", a => a.Iconst(2)).PutField("p/HandlerCreator", "writer", $"L{W()};").Return());
        Method(creator, "make", "()[B", c => c.Aload(0).GetField("p/HandlerCreator", "writer", $"L{W()};").Virtual(W(), "toByteArray", "()[B").Areturn());
        var upcalls = set.Class("p/Upcalls");
        Method(upcalls, "onLoad", "([B)[B", c => c
            .Construct(R(), "([B)V", a => a.Aload(0)).Pop()
            .Construct("p/HandlerCreator", "()V", _ => { }).Virtual("p/HandlerCreator", "make", "()[B").Areturn(), ClassAccess.Public | ClassAccess.Static);
        Assert.Empty(set.Scan(Analyzer));
    }

    [Fact]
    public void Reader_kept_in_a_field_feeds_a_writer_in_another_method_and_unreached_sites_are_warnings()
    {
        // JFR's JIClassInstrumentation shape, called from a JVM upcall rather than a transformer.
        var set = new BL0002Classes();
        var instr = set.Class("p/ClassInstrumentation");
        string field = $"L{R()};";
        Method(instr, "<init>", "([B)V", c => c.Aload(0).Special("java/lang/Object", "<init>", "()V")
            .Aload(0).Construct(R(), "([B)V", a => a.Aload(1)).PutField("p/ClassInstrumentation", "target", field).Return());
        Method(instr, "makeBytecode", "()[B", c => c
            .Line(113).Construct(W(), "(I)V", a => a.Iconst(2)).Astore(1)
            .Aload(0).GetField("p/ClassInstrumentation", "target", field).Aload(1).Iconst(0).Virtual(R(), "accept", Accept())
            .Aload(1).Virtual(W(), "toByteArray", "()[B").Areturn());

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(0, d.Properties["reachableFromTransform"]);
        Assert.Equal(-1, d.Properties["callsFromTransform"]);
        Assert.Contains("no ClassFileTransformer.transform in this artifact reaches it", d.Message);
    }

    [Fact]
    public void Transformer_through_an_abstract_base_class_makes_the_site_an_error()
    {
        var set = new BL0002Classes();
        var baseClass = set.Class("p/BaseTransformer", "java/lang/Object", Transformer);
        baseClass.AccessFlags |= ClassAccess.Abstract;
        DefaultConstructor(baseClass);
        var leaf = set.Class("p/LeafTransformer", "p/BaseTransformer");
        DefaultConstructor(leaf, "p/BaseTransformer");
        Method(leaf, "transform", TransformDescriptor, ReadWrite(Asm, c => c.Construct(W(), "(I)V", a => a.Iconst(2)), W()));

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void Configuration_applies_to_both_severities()
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/FreshT", ReadWrite(Asm, c => c.Construct(W(), "(I)V", a => a.Iconst(2)), W()));
        var off = new AnalyzerOptions { SeverityOverrides = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase) { ["BL0002"] = null } };
        Assert.Empty(set.Scan(Analyzer, off));
        var warn = new AnalyzerOptions { SeverityOverrides = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase) { ["BL0002"] = Severity.Warning } };
        Assert.Equal(Severity.Warning, Assert.Single(set.Scan(Analyzer, warn)).Severity);
    }

    [Fact]
    public void Existing_class_used_as_a_template_for_a_defined_class_is_not_a_finding()
    {
        // Groovy's SunClassLoader shape: read a class from resources, rewrite it with a fresh writer and
        // define the result as a new class. A new class has no old pool to merge with.
        static BL0002Classes Build(bool define)
        {
            var set = new BL0002Classes();
            var loader = set.Class("p/TemplateLoader", "java/lang/ClassLoader");
            Method(loader, "load", "(Ljava/io/InputStream;)V", c => c
                .Construct(R(), "(Ljava/io/InputStream;)V", a => a.Aload(1)).Astore(2)
                .Construct(W(), "(I)V", a => a.Iconst(1)).Astore(3)
                .Aload(2).Aload(3).Iconst(0).Virtual(R(), "accept", Accept())
                .Aload(0).Aload(3).Virtual(W(), "toByteArray", "()[B").Virtual("p/TemplateLoader", define ? "define" : "keep", "([B)V").Return());
            Method(loader, "define", "([B)V", c => c
                .Aload(0).Null().Aload(1).Iconst(0).Iconst(0)
                .Virtual("java/lang/ClassLoader", "defineClass", "(Ljava/lang/String;[BII)Ljava/lang/Class;").Pop().Return());
            Method(loader, "keep", "([B)V", c => c.Return());
            return set;
        }

        Assert.Empty(Build(define: true).Scan(Analyzer));
        Assert.Equal(Severity.Warning, Assert.Single(Build(define: false).Scan(Analyzer)).Severity);
    }

    // ------------------------------------------------------------------ ClassFile API and Javassist

    private const string Cf = "java/lang/classfile/ClassFile";
    private const string Model = "java/lang/classfile/ClassModel";
    private const string Option = "java/lang/classfile/ClassFile$Option";

    private static Action<BL0002Code> ClassFileTransform(bool newPool) => c =>
    {
        c.Line(30).Iconst(newPool ? 1 : 0).ANewArray(Option);
        if (newPool) c.Dup().Iconst(0).GetStatic("java/lang/classfile/ClassFile$ConstantPoolSharingOption", "NEW_POOL", "Ljava/lang/classfile/ClassFile$ConstantPoolSharingOption;").Aastore();
        c.StaticInterface(Cf, "of", $"([L{Option};)L{Cf};").Astore(6)
         .Aload(6).Aload(6).Aload(5).Interface(Cf, "parse", $"([B)L{Model};", 1)
         .Null().Interface(Cf, "transformClass", $"(L{Model};Ljava/lang/classfile/ClassTransform;)[B", 2).Areturn();
    };

    [Fact]
    public void ClassFile_api_with_NEW_POOL_rewriting_a_parsed_class_is_a_finding_and_the_default_is_not()
    {
        var bad = new BL0002Classes();
        bad.TransformerClass("p/CfNewPoolT", ClassFileTransform(newPool: true));
        var d = Assert.Single(bad.Scan(Analyzer));
        Assert.Contains("NEW_POOL", d.Message);
        Assert.Equal(30, d.Location.Line);
        Assert.Equal(Severity.Error, d.Severity);

        var good = new BL0002Classes();
        good.TransformerClass("p/CfSharedT", ClassFileTransform(newPool: false));
        Assert.Empty(good.Scan(Analyzer));
    }

    [Fact]
    public void ClassFile_build_whose_handler_captures_a_parsed_model_is_a_finding()
    {
        var set = new BL0002Classes();
        const string Consumer = "java/util/function/Consumer";
        // cf = ClassFile.of(); model = cf.parse(bytes); return cf.build(desc, b -> copy(model, b));
        var t2 = set.Class("p/Tracer", "java/lang/Object", Transformer);
        DefaultConstructor(t2);
        Method(t2, "transform", TransformDescriptor, c => c
            .StaticInterface(Cf, "of", $"()L{Cf};").Astore(6)
            .Aload(6).Aload(5).Interface(Cf, "parse", $"([B)L{Model};", 1).Astore(7)
            .Aload(6).Null()
            .Aload(7).Lambda(t2, "accept", $"(L{Model};)L{Consumer};", ("p/Tracer", "lambda$0", $"(L{Model};Ljava/lang/classfile/ClassBuilder;)V"), "(Ljava/lang/Object;)V")
            .Line(77).Interface(Cf, "build", $"(Ljava/lang/constant/ClassDesc;L{Consumer};)[B", 2).Areturn());
        Method(t2, "lambda$0", $"(L{Model};Ljava/lang/classfile/ClassBuilder;)V", c => c.Return(), ClassAccess.Private | ClassAccess.Static);

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal("p.Tracer", d.Location.Class);
        Assert.Contains("ClassFile.build", d.Message);
        Assert.Equal(77, d.Location.Line);
    }

    [Fact]
    public void Javassist_setBody_counts_only_on_a_transform_path()
    {
        static Action<BL0002Code> Body() => c => c
            .New("javassist/ClassPool").Dup().Special("javassist/ClassPool", "<init>", "()V").Astore(8)
            .Aload(8).Null().Virtual("javassist/ClassPool", "get", "(Ljava/lang/String;)Ljavassist/CtClass;").Astore(9)
            .Aload(9).Null().Virtual("javassist/CtClass", "getDeclaredMethod", "(Ljava/lang/String;)Ljavassist/CtMethod;")
            .Null().Line(61).Virtual("javassist/CtMethod", "setBody", "(Ljava/lang/String;)V")
            .Aload(9).Virtual("javassist/CtClass", "toBytecode", "()[B").Areturn();

        var reached = new BL0002Classes();
        reached.TransformerClass("p/JavassistT", Body());
        var d = Assert.Single(reached.Scan(Analyzer));
        Assert.Contains("CtMethod.setBody", d.Message);
        Assert.Equal(61, d.Location.Line);

        var tool = new BL0002Classes();
        var enhancer = tool.Class("p/BuildTimeEnhancer");
        Method(enhancer, "enhance", "()[B", Body(), ClassAccess.Public | ClassAccess.Static);
        Assert.Empty(tool.Scan(Analyzer));
    }
}

internal static class BL0002CodeExtensions
{
    public static BL0002Code Do(this BL0002Code code, Action<BL0002Code> action)
    {
        action(code);
        return code;
    }
}
