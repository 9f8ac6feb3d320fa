using BytecodeLint.Analysis.Flow;
using BytecodeLint.TestUtilities;
using BytecodeLint.Analysis.Engine;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Rules;

/// <summary>The two call-graph facts added for the agent rules: backward branches and primitive stores into parameter arrays (Flow/MethodFacts.Loops.cs).</summary>
public class BL01CallGraphFactsTests
{
    private static MethodFacts Facts(Action<BL0002Code> body, string descriptor = "([B[B)V")
    {
        var set = new BL0002Classes();
        var c = set.Class("p/M");
        Method(c, "m", descriptor, body, ClassAccess.Public | ClassAccess.Static);
        return set.Graph().FindMethod(new MethodKey("p/M", "m", descriptor))!;
    }

    [Fact]
    public void Backward_branches_are_recorded_with_the_line_of_their_target_and_forward_ones_are_not()
    {
        int start = 0, back = 0;
        var facts = Facts(c =>
        {
            c.Line(4).Iconst(0);
            c.Builder.Branch(CodeOpcodes.Ifeq, 3);   // forward, to the next instruction
            c.Aload(0).Pop();
            start = c.Builder.Pc;
            c.Line(5).Aload(1).Pop();
            back = c.Builder.Pc;
            c.GotoBack(start);
        });
        var edge = Assert.Single(facts.BackEdges);
        Assert.Equal(new BackEdge(back, start, 5), edge);
        Assert.True(edge.Encloses(start) && edge.Encloses(back) && !edge.Encloses(back + 3));
    }

    [Fact]
    public void Stores_into_a_parameter_array_are_recorded_with_its_origin_and_others_are_not()
    {
        var facts = Facts(c =>
        {
            c.Line(7).Aload(1).Astore(2).Aload(2).Iconst(0).Iconst(1).Bastore(); // param 1 through a local
            c.Line(8).Iconst(2);
            c.Builder.Op(CodeOpcodes.Newarray).U1(8);                           // new byte[2]: not a parameter
            c.Iconst(0).Iconst(1).Bastore().Return();
        });
        var store = Assert.Single(facts.ParameterArrayStores);
        Assert.Equal(7, store.Line);
        Assert.Equal([new ValueRef(ValueKind.Param, 1)], store.Array);
    }
}
