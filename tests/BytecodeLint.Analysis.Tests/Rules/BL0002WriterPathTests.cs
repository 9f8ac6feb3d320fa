using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// BL0002 follows the writer where real agents put it: behind an abstract or interface factory with
/// several implementations, in a field, in an anonymous or inner ClassWriter subclass. Each finding is
/// checked against every resolution switched off one at a time: it must disappear with exactly its own
/// resolution off and stay with any other off, so each shape shows the resolution it needs and no other.
/// </summary>
public class BL0002WriterPathTests
{
    private const string Asm = "org/objectweb/asm";
    private const string W = Asm + "/ClassWriter";
    private const string R = Asm + "/ClassReader";
    private const string V = Asm + "/ClassVisitor";
    private const string Accept = $"(L{V};I)V";
    private const string GetAdapter = $"(L{V};Ljava/lang/Object;)L{V};";
    private static readonly PoolRebuildAnalyzer Analyzer = new();

    public enum Resolution
    {
        PolymorphicFactories,
        Fields,
        WriterSubclasses,
    }

    private static PoolRebuildAnalyzer Without(Resolution resolution) => resolution switch
    {
        Resolution.PolymorphicFactories => new() { FollowPolymorphicFactories = false },
        Resolution.Fields => new() { FollowFields = false },
        _ => new() { RecogniseWriterSubclasses = false },
    };

    /// <summary>
    /// The one finding of <paramref name="set"/> with every resolution on; it must be absent with
    /// <paramref name="own"/> off and the same finding with any other resolution off.
    /// </summary>
    private static Diagnostic FoundOnlyThrough(BL0002Classes set, Resolution own)
    {
        var d = Assert.Single(set.Scan(Analyzer));
        foreach (var resolution in Enum.GetValues<Resolution>())
        {
            var without = set.Scan(Without(resolution));
            if (resolution == own) Assert.True(without.Count == 0, $"still found with {resolution} off: {string.Join("; ", without.Select(x => x.Message))}");
            else Assert.Equal(d.Message, Assert.Single(without).Message);
        }
        return d;
    }

    /// <summary>A shape that must stay silent whatever is switched off.</summary>
    private static void SilentUnderEveryResolution(BL0002Classes set)
    {
        Assert.Empty(set.Scan(Analyzer));
        foreach (var resolution in Enum.GetValues<Resolution>()) Assert.Empty(set.Scan(Without(resolution)));
    }

    private static void Adapter(BL0002Classes set, string name)
    {
        var adapter = set.Class(name, V);
        Method(adapter, "<init>", $"(L{V};)V", c => c.Aload(0).Special(V, "<init>", "()V").Return());
    }

    /// <summary>
    /// The issue's shape: <c>adapter = location.getAdapter(cw, ctx)</c> where getAdapter is abstract
    /// (or an interface method) and each implementation wraps cw in its own adapter.
    /// </summary>
    private static BL0002Classes PolymorphicFactory(bool isInterface)
    {
        var set = new BL0002Classes();
        var location = set.Class("p/Location");
        if (isInterface) location.AccessFlags = ClassAccess.Public | ClassAccess.Interface | ClassAccess.Abstract;
        else
        {
            location.AccessFlags |= ClassAccess.Abstract;
            DefaultConstructor(location);
        }
        location.Method(ClassAccess.Public | ClassAccess.Abstract, "getAdapter", GetAdapter);
        foreach (var suffix in new[] { "Entry", "Exit", "Throw" })
        {
            var impl = isInterface ? set.Class("p/At" + suffix, "java/lang/Object", "p/Location") : set.Class("p/At" + suffix, "p/Location");
            DefaultConstructor(impl, isInterface ? "java/lang/Object" : "p/Location");
            Adapter(set, "p/" + suffix + "Adapter");
            Method(impl, "getAdapter", GetAdapter, c => c.Construct("p/" + suffix + "Adapter", $"(L{V};)V", a => a.Aload(1)).Areturn());
        }
        set.TransformerClass("p/ProbeT", c =>
        {
            c.Line(10).Construct(R, "([B)V", a => a.Aload(5)).Astore(6);
            c.Line(11).Construct(W, "(I)V", a => a.Iconst(2)).Astore(7);
            c.Line(12).GetStatic("p/Config", "location", "Lp/Location;").Aload(7).Null();
            if (isInterface) c.Interface("p/Location", "getAdapter", GetAdapter, 2);
            else c.Virtual("p/Location", "getAdapter", GetAdapter);
            c.Astore(8);
            c.Line(13).Aload(6).Aload(8).Iconst(0).Virtual(R, "accept", Accept);
            c.Line(14).Aload(7).Virtual(W, "toByteArray", "()[B").Areturn();
        });
        return set;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_writer_wrapped_by_an_abstract_or_interface_factory_with_several_implementations_is_found(bool isInterface)
    {
        var d = FoundOnlyThrough(PolymorphicFactory(isInterface), Resolution.PolymorphicFactories);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("p.ProbeT", d.Location.Class);
        Assert.Equal(11, d.Location.Line);
        Assert.Contains("new ClassWriter(int)", d.Message);
        Assert.Contains("it runs in ClassFileTransformer.transform itself", d.Message);
    }

    [Fact]
    public void A_polymorphic_factory_that_returns_writers_is_not_followed_into_them()
    {
        // Byte Buddy's ClassWriterStrategy shape: one implementation keeps the reader's pool, one
        // does not, chosen by configuration; the finding would depend on what we cannot see.
        var set = new BL0002Classes();
        string resolve = $"(L{R};)L{W};";
        set.Interface("p/WriterStrategy", "resolve", resolve);
        var retaining = set.Class("p/Retaining", "java/lang/Object", "p/WriterStrategy");
        DefaultConstructor(retaining);
        Method(retaining, "resolve", resolve, c => c.Construct(W, $"(L{R};I)V", a => a.Aload(1).Iconst(0)).Areturn());
        var discarding = set.Class("p/Discarding", "java/lang/Object", "p/WriterStrategy");
        DefaultConstructor(discarding);
        Method(discarding, "resolve", resolve, c => c.Line(30).Construct(W, "(I)V", a => a.Iconst(0)).Areturn());
        set.TransformerClass("p/StrategyT", c => c
            .Construct(R, "([B)V", a => a.Aload(5)).Astore(6)
            .GetStatic("p/Config", "strategy", "Lp/WriterStrategy;").Aload(6).Interface("p/WriterStrategy", "resolve", resolve, 1).Astore(7)
            .Aload(6).Aload(7).Iconst(0).Virtual(R, "accept", Accept)
            .Aload(7).Virtual(W, "toByteArray", "()[B").Areturn());

        Assert.Empty(set.Scan(Analyzer));
    }

    [Fact]
    public void A_polymorphic_factory_generating_new_classes_is_not_a_finding()
    {
        // Several implementations wrap the writer, but no reader fills it: generation only.
        SilentUnderEveryResolution(PolymorphicFactoryWithoutReader());
    }

    private static BL0002Classes PolymorphicFactoryWithoutReader()
    {
        var set = new BL0002Classes();
        set.Interface("p/Location", "getAdapter", GetAdapter);
        foreach (var suffix in new[] { "A", "B" })
        {
            var impl = set.Class("p/Impl" + suffix, "java/lang/Object", "p/Location");
            DefaultConstructor(impl);
            Adapter(set, "p/Adapter" + suffix);
            Method(impl, "getAdapter", GetAdapter, c => c.Construct("p/Adapter" + suffix, $"(L{V};)V", a => a.Aload(1)).Areturn());
        }
        set.TransformerClass("p/GenT", c => c
            .Construct(W, "(I)V", a => a.Iconst(2)).Astore(7)
            .GetStatic("p/Config", "location", "Lp/Location;").Aload(7).Null().Interface("p/Location", "getAdapter", GetAdapter, 2)
            .Pop()
            .Aload(7).Virtual(W, "toByteArray", "()[B").Areturn());
        return set;
    }

    /// <summary>
    /// The writer is created and stored by one method and read back, wrapped and filled by another:
    /// an instance field set by <c>init()</c>, or a static field of a holder class set by its
    /// <c>reset()</c>. Only the field carries it from one method to the other.
    /// </summary>
    private static BL0002Classes FieldHeldWriter(bool isStatic)
    {
        var set = new BL0002Classes();
        string owner = isStatic ? "p/Writers" : "p/FieldT";
        string setter = isStatic ? "reset" : "init";
        BL0002Code Read(BL0002Code c) => isStatic ? c.GetStatic(owner, "current", $"L{W};") : c.Aload(0).GetField(owner, "writer", $"L{W};");
        var t = set.TransformerClass("p/FieldT", c =>
        {
            c.Line(40);
            if (isStatic) c.Static(owner, setter, "()V");
            else c.Aload(0).Virtual(owner, setter, "()V");
            c.Line(41).Construct(R, "([B)V", a => a.Aload(5)).Construct("p/Wrap", $"(L{V};)V", a => Read(a)).Iconst(0).Virtual(R, "accept", Accept);
            Read(c.Line(42)).Virtual(W, "toByteArray", "()[B").Areturn();
        });
        if (isStatic)
            Method(set.Class(owner), setter, "()V", c => c.Line(20).Construct(W, "(I)V", a => a.Iconst(1)).PutStatic(owner, "current", $"L{W};").Return(),
                ClassAccess.Public | ClassAccess.Static);
        else
            Method(t, setter, "()V", c => c.Line(20).Aload(0).Construct(W, "(I)V", a => a.Iconst(1)).PutField(owner, "writer", $"L{W};").Return());
        Adapter(set, "p/Wrap");
        return set;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_writer_held_in_a_field_and_wrapped_in_transform_is_found_at_its_creation(bool isStatic)
    {
        var d = FoundOnlyThrough(FieldHeldWriter(isStatic), Resolution.Fields);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(isStatic ? "p.Writers" : "p.FieldT", d.Location.Class);
        Assert.Equal(isStatic ? "reset" : "init", d.Location.Member);
        Assert.Equal(20, d.Location.Line);
        Assert.Contains(isStatic
            ? "ClassFileTransformer.transform (p.FieldT.transform, 1 call away: p.FieldT.transform → p.Writers.reset)"
            : "ClassFileTransformer.transform (p.FieldT.transform, 1 call away: p.FieldT.transform → p.FieldT.init)", d.Message);
    }

    [Fact]
    public void A_field_written_and_read_in_one_method_needs_no_field_resolution()
    {
        // The switch is about crossing methods: inside one method a field read gives back what was stored.
        var set = new BL0002Classes();
        set.TransformerClass("p/LocalFieldT", c => c
            .Line(60).Aload(0).Construct(W, "(I)V", a => a.Iconst(1)).PutField("p/LocalFieldT", "writer", $"L{W};")
            .Line(61).Construct(R, "([B)V", a => a.Aload(5)).Aload(0).GetField("p/LocalFieldT", "writer", $"L{W};").Iconst(0).Virtual(R, "accept", Accept)
            .Aload(0).GetField("p/LocalFieldT", "writer", $"L{W};").Virtual(W, "toByteArray", "()[B").Areturn());
        Assert.Equal(60, Assert.Single(set.Scan(Without(Resolution.Fields))).Location.Line);
    }

    /// <summary>
    /// A writer subclass of the agent (overriding getCommonSuperClass, as agents do) created in
    /// transform: an anonymous class whose constructor calls <c>super(flags)</c> or
    /// <c>super(reader, flags)</c>, or an inner class whose <c>SafeWriter(loader)</c> goes through
    /// <c>this(…)</c> before reaching ASM. Only the constructor chain tells the pool apart.
    /// </summary>
    private static BL0002Classes WriterSubclass(bool anonymous, bool withReader)
    {
        var set = new BL0002Classes();
        string name = anonymous ? "p/AnonT$1" : "p/AnonT$SafeWriter";
        string ctor = anonymous
            ? withReader ? $"(Lp/AnonT;L{R};I)V" : "(Lp/AnonT;I)V"
            : withReader ? $"(L{R};Ljava/lang/ClassLoader;)V" : "(Ljava/lang/ClassLoader;)V";
        var writer = set.Class(name, W);
        if (anonymous)
        {
            Method(writer, "<init>", ctor, c =>
            {
                c.Aload(0).Aload(1).PutField(name, "this$0", "Lp/AnonT;");
                if (withReader) c.Aload(0).Aload(2).Iload(3).Special(W, "<init>", $"(L{R};I)V").Return();
                else c.Aload(0).Iload(2).Special(W, "<init>", "(I)V").Return();
            });
        }
        else
        {
            // SafeWriter([reader,] loader) → this([reader,] 2, loader) → super([reader,] flags)
            string full = withReader ? $"(L{R};ILjava/lang/ClassLoader;)V" : "(ILjava/lang/ClassLoader;)V";
            Method(writer, "<init>", ctor, c =>
            {
                c.Aload(0);
                if (withReader) c.Aload(1).Iconst(2).Aload(2);
                else c.Iconst(2).Aload(1);
                c.Special(name, "<init>", full).Return();
            });
            Method(writer, "<init>", full, c =>
            {
                if (withReader) c.Aload(0).Aload(1).Iload(2).Special(W, "<init>", $"(L{R};I)V").Return();
                else c.Aload(0).Iload(1).Special(W, "<init>", "(I)V").Return();
            });
        }
        Method(writer, "getCommonSuperClass", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", c => c.Null().Areturn(), ClassAccess.Protected);
        set.TransformerClass("p/AnonT", c =>
        {
            c.Line(50).Construct(R, "([B)V", a => a.Aload(5)).Astore(6);
            c.Line(51).Construct(name, ctor, a =>
            {
                if (anonymous) a.Aload(0);
                if (withReader) a.Aload(6);
                if (anonymous) a.Iconst(2);
                else a.Aload(1);
            }).Astore(7);
            c.Line(52).Aload(6).Aload(7).Iconst(0).Virtual(R, "accept", Accept);
            c.Line(53).Aload(7).Virtual(W, "toByteArray", "()[B").Areturn();
        });
        return set;
    }

    [Theory]
    [InlineData(true, "new AnonT$1(AnonT, int) → ClassWriter(int)")]
    [InlineData(false, "new AnonT$SafeWriter(ClassLoader) → AnonT$SafeWriter(int, ClassLoader) → ClassWriter(int)")]
    public void A_writer_subclass_whose_constructor_chain_ends_in_super_flags_is_found(bool anonymous, string chain)
    {
        var d = FoundOnlyThrough(WriterSubclass(anonymous, withReader: false), Resolution.WriterSubclasses);
        Assert.Equal(51, d.Location.Line);
        Assert.Contains(chain, d.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_writer_subclass_built_on_the_reader_is_not_a_finding(bool anonymous) =>
        SilentUnderEveryResolution(WriterSubclass(anonymous, withReader: true));

    // ------------------------------------------------------------------ versioned shading, reader over other bytes

    private const string Xbean = "org/apache/xbean/asm5";

    /// <summary>
    /// OpenJPA's output path (AsmAdaptor.toJava7ByteArray) in miniature, over an ASM shaded as
    /// <c>org/apache/xbean/asm5</c> and outside the artifact: transform → transform0 hands the bytes
    /// another library produced (serp's <c>BCClass.toByteArray()</c>) to a static helper, which wraps
    /// them in streams, reads them with <c>ClassReader(InputStream)</c> and accepts a writer subclass
    /// built by <c>BCWriter(int, ClassLoader)</c> → <c>super(flags)</c>, or, in the silent variant,
    /// <c>super(reader, flags)</c> on the reader of the transform's own buffer.
    /// </summary>
    private static BL0002Classes StreamReaderOverOtherBytes(bool preservesIncoming)
    {
        var set = new BL0002Classes();
        string w = Xbean + "/ClassWriter", r = Xbean + "/ClassReader", v = Xbean + "/ClassVisitor";
        string ctor = preservesIncoming ? $"(L{r};ILjava/lang/ClassLoader;)V" : "(ILjava/lang/ClassLoader;)V";
        var writer = set.Class("p/Adaptor$BCWriter", w);
        Method(writer, "<init>", ctor, c =>
        {
            if (preservesIncoming) c.Aload(0).Aload(1).Iload(2).Special(w, "<init>", $"(L{r};I)V");
            else c.Aload(0).Iload(1).Special(w, "<init>", "(I)V");
            c.Aload(0).Aload(preservesIncoming ? 3 : 2).PutField("p/Adaptor$BCWriter", "loader", "Ljava/lang/ClassLoader;").Return();
        });
        string helper = preservesIncoming ? $"(Lserp/BCClass;[BL{r};)[B" : "(Lserp/BCClass;[B)[B";
        Method(set.Class("p/Adaptor"), "toBytes", helper, c =>
        {
            c.Construct("java/io/ByteArrayInputStream", "([B)V", a => a.Aload(1)).Astore(3);
            c.Construct("java/io/BufferedInputStream", "(Ljava/io/InputStream;)V", a => a.Aload(3)).Astore(4);
            c.Line(99).Construct("p/Adaptor$BCWriter", ctor, a =>
            {
                if (preservesIncoming) a.Aload(2);
                a.Iconst(2).Aload(0).Virtual("serp/BCClass", "getClassLoader", "()Ljava/lang/ClassLoader;");
            }).Astore(5);
            c.Line(100).Construct(r, "(Ljava/io/InputStream;)V", a => a.Aload(4)).Astore(6);
            c.Aload(6).Aload(5).Iconst(0).Virtual(r, "accept", $"(L{v};I)V");
            c.Aload(5).Virtual(w, "toByteArray", "()[B").Areturn();
        }, ClassAccess.Private | ClassAccess.Static);
        var t = set.TransformerClass("p/PCTransformer", c => c
            .Aload(0).Aload(2).Aload(5).Special("p/PCTransformer", "transform0", "(Ljava/lang/String;[B)[B").Areturn());
        Method(t, "transform0", "(Ljava/lang/String;[B)[B", c =>
        {
            c.Aload(2).Static("p/Enhancer", "enhance", "([B)Lserp/BCClass;").Astore(3);
            c.Aload(3).Aload(3).Virtual("serp/BCClass", "toByteArray", "()[B");
            if (preservesIncoming) c.Construct(r, "([B)V", a => a.Aload(2));
            c.Static("p/Adaptor", "toBytes", helper).Areturn();
        }, ClassAccess.Private);
        return set;
    }

    [Fact]
    public void A_writer_subclass_over_versioned_shaded_asm_fed_by_a_stream_reader_is_found_on_the_transform_path()
    {
        var d = FoundOnlyThrough(StreamReaderOverOtherBytes(preservesIncoming: false), Resolution.WriterSubclasses);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("p.Adaptor", d.Location.Class);
        Assert.Equal(99, d.Location.Line);
        Assert.Contains("new Adaptor$BCWriter(int, ClassLoader) → ClassWriter(int)", d.Message);
        Assert.Contains("2 calls away: p.PCTransformer.transform → p.PCTransformer.transform0 → p.Adaptor.toBytes", d.Message);
    }

    [Fact]
    public void The_same_writer_subclass_built_on_a_reader_of_the_incoming_buffer_is_not_a_finding() =>
        SilentUnderEveryResolution(StreamReaderOverOtherBytes(preservesIncoming: true));

    [Fact]
    public void A_fresh_writer_over_versioned_shaded_asm_that_only_generates_is_not_a_finding()
    {
        var set = new BL0002Classes();
        set.TransformerClass("p/GenT", c => c
            .Construct(Xbean + "/ClassWriter", "(I)V", a => a.Iconst(2)).Astore(7)
            .Aload(7).Virtual(Xbean + "/ClassWriter", "toByteArray", "()[B").Areturn());
        SilentUnderEveryResolution(set);
    }
}
