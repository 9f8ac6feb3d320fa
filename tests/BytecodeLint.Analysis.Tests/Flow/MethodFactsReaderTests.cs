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
}
