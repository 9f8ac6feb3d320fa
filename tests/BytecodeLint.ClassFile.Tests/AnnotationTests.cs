using BytecodeLint.TestUtilities;

namespace BytecodeLint.ClassFile.Tests;

public class AnnotationTests
{

    [Fact]
    public void Builder_annotations_read_back_with_strings_arrays_ints_and_enums()
    {
        var cls = new ClassBuilder("p/N");
        cls.Attributes.RuntimeVisibleAnnotations(new ClassAnnotation("Lp/Suppress;").With("value", "BL0001", "BL0002").With("why", "ok").With("n", 42).WithEnum("e", "Lp/E;", "TWO"));
        var javaClass = JavaClass.Parse(cls.ToArray());
        var pool = javaClass.ConstantPool;
        var annotation = Assert.Single(AnnotationReader.ReadAll(javaClass.Attributes));
        Assert.Equal("Lp/Suppress;", pool.GetString(annotation.Type));
        Assert.Equal(["value", "why", "n", "e"], annotation.Elements.Select(e => pool.GetString(e.Name)));
        Assert.Equal(["BL0001", "BL0002"], AnnotationReader.Strings(pool, annotation.Elements[0].Value));
        Assert.Equal(["ok"], AnnotationReader.Strings(pool, annotation.Elements[1].Value));
        Assert.Equal(42, pool.GetInteger(annotation.Elements[2].Value.ConstantIndex));
        Assert.Equal('e', annotation.Elements[3].Value.Tag);
        Assert.Equal("Lp/E;", pool.GetString(new Utf8Handle(annotation.Elements[3].Value.ConstantIndex)));
        Assert.Equal("TWO", pool.GetString(annotation.Elements[3].Value.EnumConstantName));
    }

    [Fact]
    public void Nested_annotations_arrays_and_every_constant_tag_are_read()
    {
        var cls = new ClassBuilder("p/N");
        var pool = cls.Pool;
        int type = pool.Utf8("Lp/A;"), inner = pool.Utf8("Lp/B;"), name = pool.Utf8("v");
        int i = pool.Integer(1), d = pool.Double(2), f = pool.Float(3), j = pool.Long(4), s = pool.Utf8("s"), c = pool.Utf8("Ljava/lang/String;");
        var w = new ClassFileWriter().U2(1)
            .U2(type).U2(3)
            .U2(name).U1('[').U2(9)
                .U1('B').U2(i).U1('C').U2(i).U1('I').U2(i).U1('S').U2(i).U1('Z').U2(i)
                .U1('D').U2(d).U1('F').U2(f).U1('J').U2(j).U1('c').U2(c)
            .U2(name).U1('@').U2(inner).U2(1).U2(name).U1('[').U2(2).U1('s').U2(s).U1('@').U2(inner).U2(0)
            .U2(name).U1('[').U2(0);
        cls.Attributes.Raw("RuntimeVisibleAnnotations", w.ToArray());
        var javaClass = JavaClass.Parse(cls.ToArray());
        var annotation = Assert.Single(AnnotationReader.Read(javaClass.Attributes.Find(AttributeKind.RuntimeVisibleAnnotations)!.Value));
        Assert.Equal("BCISZDFJc", new string(annotation.Elements[0].Value.Array!.Select(v => v.Tag).ToArray()));
        var nested = annotation.Elements[1].Value.Nested!;
        Assert.Equal(inner, nested.Type.Index);
        var array = nested.Elements[0].Value.Array!;
        Assert.Equal('s', array[0].Tag);
        Assert.Equal(inner, array[1].Nested!.Type.Index);
        Assert.Empty(array[1].Nested!.Elements);
        Assert.Empty(annotation.Elements[2].Value.Array!);
    }

    [Fact]
    public void Wrong_constant_kinds_bad_tags_truncation_and_deep_nesting_are_rejected()
    {
        var cls = new ClassBuilder("p/N");
        var pool = cls.Pool;
        int type = pool.Utf8("Lp/A;"), name = pool.Utf8("v"), integer = pool.Integer(1);
        cls.Attributes.Raw("RuntimeVisibleAnnotations", new ClassFileWriter().U2(1).U2(type).U2(1).U2(name).U1('s').U2(integer).ToArray());
        cls.Attributes.Raw("RuntimeInvisibleAnnotations", new ClassFileWriter().U2(1).U2(type).U2(1).U2(name).U1('x').U2(integer).ToArray());
        var deep = new ClassFileWriter().U2(1).U2(type).U2(1);
        for (int k = 0; k < 100; k++) deep.U2(name).U1('@').U2(type).U2(1);
        cls.Attributes.Raw("RuntimeVisibleAnnotations", deep.ToArray());
        cls.Attributes.Raw("RuntimeVisibleAnnotations", new ClassFileWriter().U2(2).U2(type).U2(0).ToArray());
        var javaClass = JavaClass.Parse(cls.ToArray());
        int n = 0;
        foreach (var attribute in javaClass.Attributes)
        {
            var e = Assert.Throws<ClassFormatException>(() => AnnotationReader.Read(attribute));
            Assert.InRange(e.Offset, attribute.DataOffset, attribute.DataOffset + attribute.Length);
            n++;
        }
        Assert.Equal(4, n);
    }
}
