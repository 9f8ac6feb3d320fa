using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Tests.Rules;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Flow;

/// <summary>The method-facts reader: reused per thread, so nothing of one method reaches the next; names interned as written.</summary>
public class MethodFactsReaderTests
{
    private const string UseOne = "(Ljava/lang/Object;Ljava/lang/Object;)V";

    /// <summary>
    /// The facts reader is reused method after method: nothing of one method (its line table, its loop,
    /// its calls) may show in the next one's facts.
    /// </summary>
    [Fact]
    public void A_method_read_after_another_keeps_none_of_its_state()
    {
        var set = new BL0002Classes();
        var owner = set.Class("p/M");
        // first(Object a): line 7: use(a, a); a loop back to the call.
        Method(owner, "first", "(Ljava/lang/Object;)V", c =>
        {
            c.Line(7).Aload(0).Aload(0).Static("p/X", "use", UseOne); // 0, 2, 4
            c.Builder.Branch(CodeOpcodes.Goto, -7);                    // 7 → 0
        }, ClassAccess.Public | ClassAccess.Static);
        // second(Object a): no line table, no loop: use(a, null).
        Method(owner, "second", "(Ljava/lang/Object;)V", c => c.Aload(0).Null().Static("p/X", "use", UseOne).Return(),
            ClassAccess.Public | ClassAccess.Static);
        var graph = set.Graph();
        var first = graph.FindMethod(new MethodKey("p/M", "first", "(Ljava/lang/Object;)V"))!;
        var second = graph.FindMethod(new MethodKey("p/M", "second", "(Ljava/lang/Object;)V"))!;

        Assert.Equal(7, Assert.Single(first.Calls).Line);
        Assert.Single(first.BackEdges);
        var call = Assert.Single(second.Calls);
        Assert.Equal(0, call.Line);
        Assert.Empty(second.BackEdges);
        Assert.Equal([ValueRef.Null], call.Arguments[1]);
    }

    /// <summary>Names are interned by their characters on the stack when ASCII, decoded otherwise: both come out as written.</summary>
    [Fact]
    public void Ascii_and_non_ascii_names_are_read_as_written()
    {
        var set = new BL0002Classes();
        Method(set.Class("p/Čaj"), "m", "(Ljava/lang/Object;)V", c => c.Aload(0).Aload(0).Static("p/Čaj", "use", UseOne).Aload(0).Aload(0).Static("p/X", "use", UseOne).Return(),
            ClassAccess.Public | ClassAccess.Static);

        var graph = set.Graph();
        var facts = graph.FindMethod(new MethodKey("p/Čaj", "m", "(Ljava/lang/Object;)V"))!;
        Assert.Equal(["p/Čaj", "p/X"], facts.Calls.Select(c => c.Target.Owner));
        Assert.Same(facts.Method.Owner, facts.Calls[0].Target.Owner); // one string per name
        Assert.Same(facts.Calls[1].Target.Name, facts.Calls[0].Target.Name);
    }
    /// <summary>
    /// A set of one origin (a parameter, a call's result, a small int) is one shared array in every method:
    /// the facts of a large artifact hold ~120k call sites, and these sets were most of their objects.
    /// </summary>
    [Fact]
    public void Sets_of_one_origin_are_shared_between_methods()
    {
        var set = new BL0002Classes();
        var owner = set.Class("p/S");
        foreach (string name in new[] { "a", "b" })
            Method(owner, name, "(Ljava/lang/Object;)V", c => c.Aload(0)
                .Static("p/X", "make", "()Ljava/lang/Object;")
                .Static("p/X", "use", UseOne).Return(), ClassAccess.Public | ClassAccess.Static);
        var graph = set.Graph();
        var a = graph.FindMethod(new MethodKey("p/S", "a", "(Ljava/lang/Object;)V"))!.Calls[1];
        var b = graph.FindMethod(new MethodKey("p/S", "b", "(Ljava/lang/Object;)V"))!.Calls[1];

        Assert.Equal([new ValueRef(ValueKind.Param, 0)], a.Arguments[0]);
        Assert.Equal([new ValueRef(ValueKind.CallResult, 0)], a.Arguments[1]);
        Assert.Same(a.Arguments[0], b.Arguments[0]);
        Assert.Same(a.Arguments[1], b.Arguments[1]);
    }

    /// <summary>A call with one argument (or only a receiver) that is a shared set has a shared argument list.</summary>
    [Fact]
    public void One_argument_lists_of_shared_sets_are_shared_and_others_are_not()
    {
        var set = new BL0002Classes();
        var owner = set.Class("p/O");
        foreach (string name in new[] { "a", "b" })
            Method(owner, name, "(Ljava/lang/Object;Ljava/lang/Object;)V", c => c
                .Aload(0).Virtual("java/lang/Object", "hashCode", "()I").Pop()              // receiver only: param 0
                .Aload(1).Static("p/X", "one", "(Ljava/lang/Object;)V")                     // one argument: param 1
                .Aload(0).Aload(1).Static("p/X", "use", UseOne).Return(), ClassAccess.Public | ClassAccess.Static);
        var graph = set.Graph();
        var a = graph.FindMethod(new MethodKey("p/O", "a", "(Ljava/lang/Object;Ljava/lang/Object;)V"))!.Calls;
        var b = graph.FindMethod(new MethodKey("p/O", "b", "(Ljava/lang/Object;Ljava/lang/Object;)V"))!.Calls;

        Assert.Equal([[new ValueRef(ValueKind.Param, 0)]], a[0].Arguments);
        Assert.Equal([[new ValueRef(ValueKind.Param, 1)]], a[1].Arguments);
        Assert.Same(a[0].Arguments, b[0].Arguments);
        Assert.Same(a[1].Arguments, b[1].Arguments);
        Assert.NotSame(a[2].Arguments, b[2].Arguments);                                    // two arguments: a list of its own
        Assert.Equal(b[2].Arguments, a[2].Arguments);

        ValueRef[] unshared = [new ValueRef(ValueKind.Param, 0)];                       // equal to a shared set, but not it
        Assert.NotSame(ValueSets.OneArgument(unshared), ValueSets.OneArgument(unshared));
        Assert.Same(ValueSets.OneArgument(ValueSets.Unknown), ValueSets.OneArgument(ValueSets.Unknown));
    }

    [Fact]
    public void Single_origin_sets_are_shared_below_the_limit_and_made_above_it()
    {
        Assert.Same(ValueSets.Single(ValueKind.Field, 3), ValueSets.Single(ValueKind.Field, 3));
        Assert.NotSame(ValueSets.Single(ValueKind.Field, 3), ValueSets.Single(ValueKind.Allocation, 3));
        Assert.Equal([new ValueRef(ValueKind.Allocation, 3)], ValueSets.Single(ValueKind.Allocation, 3));
        Assert.Same(ValueSets.Unknown, ValueSets.Single(ValueKind.Unknown, 5));
        Assert.Same(ValueSets.Null, ValueSets.Of(ValueRef.Null));
        var far = ValueSets.Single(ValueKind.CallResult, 1_000_000);
        Assert.Equal([new ValueRef(ValueKind.CallResult, 1_000_000)], far);
        Assert.NotSame(far, ValueSets.Single(ValueKind.CallResult, 1_000_000));
        Assert.Equal([new ValueRef(ValueKind.Int, -1)], ValueSets.Single(ValueKind.Int, -1));
    }
    /// <summary>
    /// The class read cache is reused from class to class on a thread: two classes whose pools give the same
    /// index to different methods and fields must each get their own (the flow reads them one after the other).
    /// </summary>
    [Fact]
    public void A_class_read_after_another_keeps_none_of_its_constants()
    {
        var set = new BL0002Classes();
        foreach (string name in new[] { "A", "B" })                                   // same shape: same pool indices
            Method(set.Class("p/" + name), "m", "()V", c => c
                .GetStatic("p/Holder" + name, "f" + name, "Ljava/lang/Object;")
                .Static("p/Callee" + name, "call" + name, "(Ljava/lang/Object;)V").Return(), ClassAccess.Public | ClassAccess.Static);
        var graph = set.Graph();

        foreach (string name in new[] { "A", "B" })
        {
            var facts = graph.FindMethod(new MethodKey("p/" + name, "m", "()V"))!;
            Assert.Equal(new MethodKey("p/Callee" + name, "call" + name, "(Ljava/lang/Object;)V"), Assert.Single(facts.Calls).Target);
            Assert.Equal("f" + name, Assert.Single(facts.Fields).Name);
        }
    }
}
