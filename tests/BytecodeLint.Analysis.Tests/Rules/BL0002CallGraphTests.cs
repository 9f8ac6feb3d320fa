using BytecodeLint.Analysis.Flow;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>The reusable per-artifact call graph BL0002 is built on (Flow/, built through ArtifactFlow), on byte-built classes.</summary>
public class BL0002CallGraphTests
{
    private static ArtifactCallGraph Build(BL0002Classes set) => set.Graph();

    [Fact]
    public void Virtual_calls_reach_overrides_in_subtypes_and_static_calls_the_declaration()
    {
        var set = new BL0002Classes();
        set.Interface("p/Strategy", "run", "()V");
        foreach (var name in new[] { "p/A", "p/B" })
        {
            var c = set.Class(name, "java/lang/Object", "p/Strategy");
            DefaultConstructor(c);
            Method(c, "run", "()V", x => x.Return());
        }
        var caller = set.Class("p/Caller");
        Method(caller, "go", "(Lp/Strategy;)V", x => x.Aload(0).Interface("p/Strategy", "run", "()V", 0).Static("p/Caller", "helper", "()V").Return(), ClassAccess.Public | ClassAccess.Static);
        Method(caller, "helper", "()V", x => x.Return(), ClassAccess.Public | ClassAccess.Static);

        var graph = Build(set);
        var go = graph.FindMethod(new MethodKey("p/Caller", "go", "(Lp/Strategy;)V"))!;
        Assert.Equal(["p/A", "p/B"], graph.Resolve(go.Calls[0]).Select(m => m.Method.Owner).Order(StringComparer.Ordinal));
        Assert.Equal("helper", Assert.Single(graph.Resolve(go.Calls[1])).Method.Name);

        var reach = graph.ReachableFrom([go]);
        Assert.Equal(0, reach[go].Calls);
        Assert.Equal(1, reach[graph.FindMethod(new MethodKey("p/A", "run", "()V"))!].Calls);
        Assert.Equal(go, reach[graph.FindMethod(new MethodKey("p/Caller", "helper", "()V"))!].Root);
        Assert.Equal(2, graph.CallersOf(graph.FindMethod(new MethodKey("p/B", "run", "()V"))!).Count + graph.CallersOf(graph.FindMethod(new MethodKey("p/A", "run", "()V"))!).Count);
        Assert.True(graph.IsSubtypeOf("p/A", "p/Strategy"));
        Assert.Equal(["p/A", "p/B"], graph.SubtypesOf("p/Strategy").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Method_facts_track_origins_through_locals_fields_constructors_and_branches()
    {
        var set = new BL0002Classes();
        var c = set.Class("p/Flow");
        const string Descriptor = "(Ljava/lang/Object;JLjava/lang/Object;)Ljava/lang/Object;"; // arguments a, l (two slots), b
        // Object x = new Box(a, null); f = b; return x;
        Method(c, "m", Descriptor, x => x
            .Construct("p/Box", "(Ljava/lang/Object;Ljava/lang/Object;)V", a => a.Aload(0).Null()).Astore(4)
            .Aload(3).Do(y => y.Builder.PutStatic(c.Pool.Fieldref("p/Flow", "f", "Ljava/lang/Object;")))
            .Aload(4).Areturn(), ClassAccess.Public | ClassAccess.Static);
        // return a != null ? a : b;   (pc 0 aload 0, 2 ifnull +8, 5 aload 0, 7 goto +5, 10 aload 3, 12 areturn)
        Method(c, "pick", Descriptor, x => x
            .Aload(0).Do(y => y.Builder.Branch(CodeOpcodes.Ifnull, 8)).Aload(0).Do(y => y.Builder.Goto(5)).Aload(3).Areturn(),
            ClassAccess.Public | ClassAccess.Static);

        var graph = Build(set);
        var m = graph.FindMethod(new MethodKey("p/Flow", "m", Descriptor))!;
        Assert.Equal(3, m.ArgumentCount);
        var box = Assert.Single(m.Allocations);
        Assert.Equal("p/Box", box.ClassName);
        Assert.Equal(0, box.ConstructorCall);
        Assert.Contains(new ValueRef(ValueKind.Param, 0), box.Contents);
        Assert.Equal([new ValueRef(ValueKind.Allocation, 0)], m.Calls[0].Receiver);
        var store = Assert.Single(m.Stores);
        Assert.Equal("f", m.Fields[store.Field].Name);
        Assert.Equal([new ValueRef(ValueKind.Param, 2)], store.Value);
        Assert.Equal([new ValueRef(ValueKind.Allocation, 0)], m.Returns);

        var pick = graph.FindMethod(new MethodKey("p/Flow", "pick", Descriptor))!;
        Assert.Equal([new ValueRef(ValueKind.Param, 0), new ValueRef(ValueKind.Param, 2)], pick.Returns.OrderBy(v => v.Index));
    }

    [Fact]
    public void Descriptors_give_argument_and_return_slots()
    {
        Assert.Equal([1, 2, 1, 1, 2], Descriptors.ArgumentSlots("(IJ[JLjava/lang/String;D)V"));
        Assert.Equal(0, Descriptors.ReturnSlots("()V"));
        Assert.Equal(2, Descriptors.ReturnSlots("()J"));
        Assert.Equal(1, Descriptors.ReturnSlots("()[J"));
        Assert.Equal("-,a/B,-", string.Join(",", Descriptors.ArgumentClassNames("(ILa/B;[La/C;)V").Select(n => n ?? "-")));
    }
}
