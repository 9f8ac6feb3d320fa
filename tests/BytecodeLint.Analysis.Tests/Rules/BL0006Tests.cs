using BytecodeLint.Analysis.Engine;
using BytecodeLint.Analysis.Rules.Retransform.ShapeChange;
using BytecodeLint.TestUtilities;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>BL0006 on byte-built pairs: each shape change HotSpot refuses, with its measured exception text, and body-only pairs.</summary>
public class BL0006Tests
{
    private const string Id = "BL0006";

    /// <summary>
    /// The sample shape: <c>public class p.Shape</c> with <c>private static int counter</c>, <c>public static int value()</c>
    /// returning <paramref name="result"/>, and whatever <paramref name="change"/> adds.
    /// </summary>
    private static byte[] Shape(int result = 1, Action<ClassBuilder>? change = null, string? super = "java/lang/Object", int valueAccess = ClassAccess.Public | ClassAccess.Static)
    {
        var builder = new ClassBuilder("p/Shape", super).Version(0, 61);
        builder.Field(ClassAccess.Private | ClassAccess.Static, "counter", "I");
        builder.Method(valueAccess, "value", "()I").Code(1, 0, new CodeBuilder().Op((byte)(CodeOpcodes.Iconst0 + result)).Op(CodeOpcodes.Ireturn));
        change?.Invoke(builder);
        return builder.ToArray();
    }

    private static void StaticMethod(ClassBuilder b, string name, int access = ClassAccess.Private | ClassAccess.Static) =>
        b.Method(access, name, "()I").Code(1, 0, new CodeBuilder().Op(CodeOpcodes.Iconst0).Op(CodeOpcodes.Ireturn));

    private static byte[] U2s(params int[] values)
    {
        var w = new ClassFileWriter();
        foreach (var v in values) w.U2(v);
        return w.ToArray();
    }

    public static TheoryData<string, string, string> Changes() => new()
    {
        { "field added", "change the schema (add/remove fields)", "field(s) added: added:J" },
        { "field removed", "change the schema (add/remove fields)", "field(s) removed: counter:I" },
        { "field modifiers", "change the schema (add/remove fields)", "modifiers 0x000A → 0x0048" },
        { "public method added", "add a method", "method(s) added: added()I" },
        { "private method added", "add a method", "method(s) added: helper()I" },
        { "lambda body added", "add a method", "lambda$value$0()I" },
        { "method removed", "delete a method", "method(s) deleted: helper()I" },
        { "method modifiers", "change method modifiers", "method value()I modifiers 0x0009 → 0x0008" },
        { "class modifiers", "change the class modifiers", "class access flags 0x0021 → 0x0031" },
        { "superclass", "change superclass or interfaces", "superclass java/lang/Object → p/Base" },
        { "interfaces", "change superclass or interfaces", "interfaces [] → [java/io/Serializable]" },
        { "nest members", "change the class NestHost, NestMembers, Record, or PermittedSubclasses attribute", "NestMembers [p/Shape$A] → [p/Shape$A, p/Shape$B]" },
        { "nest host removed", "change the class NestHost, NestMembers, Record, or PermittedSubclasses attribute", "NestHost attribute removed" },
        { "record signature", "change the class NestHost, NestMembers, Record, or PermittedSubclasses attribute", "Record [items:Ljava/util/List;<Ljava/util/List<Ljava/lang/String;>;>] → [items:Ljava/util/List;<Ljava/util/List<Ljava/lang/Integer;>;>]" },
        { "permitted subclasses", "change the class NestHost, NestMembers, Record, or PermittedSubclasses attribute", "PermittedSubclasses attribute added" },
    };

    private static (byte[], byte[]) Pair(string change) => change switch
    {
        "field added" => (Shape(), Shape(2, b => b.Field(ClassAccess.Private, "added", "J"))),
        "field removed" => (Shape(), RemoveCounter()),
        "field modifiers" => (Shape(), FieldFlags(ClassAccess.Static | ClassAccess.Volatile)),
        "public method added" => (Shape(), Shape(2, b => StaticMethod(b, "added", ClassAccess.Public | ClassAccess.Static))),
        "private method added" => (Shape(), Shape(2, b => StaticMethod(b, "helper"))),
        "lambda body added" => (Shape(), Shape(2, b => StaticMethod(b, "lambda$value$0", ClassAccess.Private | ClassAccess.Static | ClassAccess.Synthetic))),
        "method removed" => (Shape(change: b => StaticMethod(b, "helper")), Shape(2)),
        "method modifiers" => (Shape(), Shape(2, valueAccess: ClassAccess.Static)),
        "class modifiers" => (Shape(), Shape(2, b => b.AccessFlags |= ClassAccess.Final)),
        "superclass" => (Shape(), Shape(2, super: "p/Base")),
        "interfaces" => (Shape(), Shape(2, b => b.Interface("java/io/Serializable"))),
        "nest members" => (Shape(change: b => b.Attributes.Raw("NestMembers", U2s(1, b.Pool.Class("p/Shape$A")))),
                           Shape(2, b => b.Attributes.Raw("NestMembers", U2s(2, b.Pool.Class("p/Shape$A"), b.Pool.Class("p/Shape$B"))))),
        "nest host removed" => (Shape(change: b => b.Attributes.Raw("NestHost", U2s(b.Pool.Class("p/Outer")))), Shape(2)),
        "record signature" => (Shape(change: b => Record(b, "Ljava/util/List<Ljava/lang/String;>;")), Shape(2, b => Record(b, "Ljava/util/List<Ljava/lang/Integer;>;"))),
        "permitted subclasses" => (Shape(), Shape(2, b => b.Attributes.Raw("PermittedSubclasses", U2s(1, b.Pool.Class("p/Triangle"))))),
        _ => throw new ArgumentException(change),
    };

    private static byte[] RemoveCounter()
    {
        var builder = new ClassBuilder("p/Shape").Version(0, 61);
        builder.Method(ClassAccess.Public | ClassAccess.Static, "value", "()I").Code(1, 0, new CodeBuilder().Op(CodeOpcodes.Iconst1).Op(CodeOpcodes.Ireturn));
        return builder.ToArray();
    }

    private static byte[] FieldFlags(int flags)
    {
        var builder = new ClassBuilder("p/Shape").Version(0, 61);
        builder.Field(flags, "counter", "I");
        builder.Method(ClassAccess.Public | ClassAccess.Static, "value", "()I").Code(1, 0, new CodeBuilder().Op(CodeOpcodes.Iconst1).Op(CodeOpcodes.Ireturn));
        return builder.ToArray();
    }

    /// <summary>A Record attribute with one component <c>items</c> of type List and the given generic signature.</summary>
    private static void Record(ClassBuilder b, string signature)
    {
        var w = new ClassFileWriter().U2(1).U2(b.Pool.Utf8("items")).U2(b.Pool.Utf8("Ljava/util/List;")).U2(1)
            .U2(b.Pool.Utf8("Signature")).U4(2).U2(b.Pool.Utf8(signature));
        b.Attributes.Raw("Record", w.ToArray());
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_shape_change_is_an_error_with_hotspots_message(string change, string attempted, string detail)
    {
        var (original, transformed) = Pair(change);
        var d = Assert.Single(PairScan.Run(Id, original, transformed));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("p.Shape", d.Location.Class);
        Assert.Contains($"\"class redefinition failed: attempted to {attempted}\"", d.Message);
        Assert.Contains(detail, d.Message);
        Assert.Contains("dump.jar!/p/Shape.class", d.Message);
    }

    [Fact]
    public void A_body_only_change_is_allowed()
    {
        Assert.Empty(PairScan.Run(Id, Shape(1), Shape(2)));
    }

    [Fact]
    public void Fields_in_another_order_fail_like_hotspots_positional_walk()
    {
        byte[] Two(string first, string second)
        {
            var b = new ClassBuilder("p/Shape").Version(0, 61);
            b.Field(ClassAccess.Private, first, "I");
            b.Field(ClassAccess.Private, second, "I");
            return b.ToArray();
        }
        var d = Assert.Single(PairScan.Run(Id, Two("a", "b"), Two("b", "a")));
        Assert.Contains("field order changed", d.Message);
    }

    [Fact]
    public void Several_differences_lead_with_the_first_hotspot_checks_and_list_all()
    {
        // Measured (ChangeInterfaces): an added interface plus a serialVersionUID field reports the interfaces.
        var transformed = Shape(2, b => { b.Interface("java/io/Serializable"); b.Field(ClassAccess.Private | ClassAccess.Static | ClassAccess.Final, "serialVersionUID", "J"); });
        var d = Assert.Single(PairScan.Run(Id, Shape(), transformed));
        Assert.Contains("attempted to change superclass or interfaces", d.Message);
        Assert.Contains("field(s) added: serialVersionUID:J", d.Message);
        Assert.Equal(2, d.Properties["differences"]);
    }

    [Fact]
    public void Without_pair_mode_the_rule_is_silent()
    {
        Assert.Empty(RuleHarness.RunOnBytes(new ShapeChangeAnalyzer(), Shape()));
    }

    [Fact]
    public void A_dump_without_an_original_is_ignored()
    {
        var other = new ClassBuilder("p/Other").Version(0, 61).ToArray();
        Assert.Empty(PairScan.Run(Id, [(Shape(), Shape(2))]).Concat(PairScan.Run(Id, Shape(), other)));
    }
}
