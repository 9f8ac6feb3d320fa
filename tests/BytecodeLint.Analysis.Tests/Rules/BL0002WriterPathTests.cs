using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>
/// BL0002 follows the writer where real agents put it: behind an abstract or interface factory with
/// several implementations, in a field, in an anonymous ClassWriter subclass. Each case also runs with
/// the polymorphic resolution off, to show which findings depend on it.
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
    private static readonly PoolRebuildAnalyzer WithoutPolymorphic = new() { FollowPolymorphicFactories = false };

    private static void Adapter(BL0002Classes set, string name)
    {
        var adapter = set.Class(name, V);
        Method(adapter, "<init>", $"(L{V};)V", c => c.Aload(0).Special(V, "<init>", "()V").Return());
    }

    /// <summary>
    /// The shape: <c>adapter = location.getAdapter(cw, ctx)</c> where getAdapter is abstract
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
        var set = PolymorphicFactory(isInterface);

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("p.ProbeT", d.Location.Class);
        Assert.Equal(11, d.Location.Line);
        Assert.Contains("new ClassWriter(int)", d.Message);
        Assert.Contains("it runs in ClassFileTransformer.transform itself", d.Message);

        Assert.Empty(set.Scan(WithoutPolymorphic));
    }

    [Fact]
    public void A_polymorphic_factory_that_returns_writers_is_not_followed_into_them()
    {
        // Byte Buddy's ClassWriterStrategy shape: one implementation keeps the reader's pool, one
        // does not, chosen by configuration; the finding would depend on what we cannot see.
        var set = new BL0002Classes();
        var strategy = set.Class("p/WriterStrategy");
        strategy.AccessFlags = ClassAccess.Public | ClassAccess.Interface | ClassAccess.Abstract;
        string resolve = $"(L{R};)L{W};";
        strategy.Method(ClassAccess.Public | ClassAccess.Abstract, "resolve", resolve);
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
        var set = PolymorphicFactoryWithoutReader();
        Assert.Empty(set.Scan(Analyzer));
    }

    private static BL0002Classes PolymorphicFactoryWithoutReader()
    {
        var set = new BL0002Classes();
        var location = set.Class("p/Location");
        location.AccessFlags = ClassAccess.Public | ClassAccess.Interface | ClassAccess.Abstract;
        location.Method(ClassAccess.Public | ClassAccess.Abstract, "getAdapter", GetAdapter);
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

    [Fact]
    public void A_writer_held_in_a_field_and_wrapped_in_transform_is_found_at_its_creation()
    {
        var set = new BL0002Classes();
        var t = set.TransformerClass("p/FieldT", c => c
            .Line(40).Aload(0).Virtual("p/FieldT", "init", "()V")
            .Line(41).Construct(R, "([B)V", a => a.Aload(5))
            .Construct("p/Wrap", $"(L{V};)V", a => a.Aload(0).GetField("p/FieldT", "writer", $"L{W};")).Iconst(0).Virtual(R, "accept", Accept)
            .Line(42).Aload(0).GetField("p/FieldT", "writer", $"L{W};").Virtual(W, "toByteArray", "()[B").Areturn());
        Method(t, "init", "()V", c => c.Line(20).Aload(0).Construct(W, "(I)V", a => a.Iconst(1)).PutField("p/FieldT", "writer", $"L{W};").Return());
        Adapter(set, "p/Wrap");

        var d = Assert.Single(set.Scan(Analyzer));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("init", d.Location.Member);
        Assert.Equal(20, d.Location.Line);
        Assert.Contains("ClassFileTransformer.transform (p.FieldT.transform, 1 call away: p.FieldT.transform → p.FieldT.init)", d.Message);
    }

    /// <summary>An anonymous ClassWriter subclass (overriding getCommonSuperClass, as agents do) whose constructor calls super(flags) or super(reader, flags).</summary>
    private static BL0002Classes AnonymousWriter(bool withReader)
    {
        var set = new BL0002Classes();
        string ctor = withReader ? $"(Lp/AnonT;L{R};I)V" : "(Lp/AnonT;I)V";
        var anon = set.Class("p/AnonT$1", W);
        Method(anon, "<init>", ctor, c =>
        {
            c.Aload(0).Aload(1).PutField("p/AnonT$1", "this$0", "Lp/AnonT;");
            if (withReader) c.Aload(0).Aload(2).Iload(3).Special(W, "<init>", $"(L{R};I)V").Return();
            else c.Aload(0).Iload(2).Special(W, "<init>", "(I)V").Return();
        });
        Method(anon, "getCommonSuperClass", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", c => c.Null().Areturn(), ClassAccess.Protected);
        set.TransformerClass("p/AnonT", c =>
        {
            c.Line(50).Construct(R, "([B)V", a => a.Aload(5)).Astore(6);
            c.Line(51).Construct("p/AnonT$1", ctor, a =>
            {
                a.Aload(0);
                if (withReader) a.Aload(6);
                a.Iconst(2);
            }).Astore(7);
            c.Line(52).Aload(6).Aload(7).Iconst(0).Virtual(R, "accept", Accept);
            c.Line(53).Aload(7).Virtual(W, "toByteArray", "()[B").Areturn();
        });
        return set;
    }

    [Fact]
    public void An_anonymous_writer_subclass_calling_super_flags_is_found()
    {
        var d = Assert.Single(AnonymousWriter(withReader: false).Scan(Analyzer));
        Assert.Equal(51, d.Location.Line);
        Assert.Contains("new AnonT$1(AnonT, int) → ClassWriter(int)", d.Message);
    }

    [Fact]
    public void An_anonymous_writer_subclass_built_on_the_reader_is_not_a_finding() =>
        Assert.Empty(AnonymousWriter(withReader: true).Scan(Analyzer));
}
