using BytecodeLint.Analysis.Flow;
using BytecodeLint.Analysis.Tests.Rules;
using BytecodeLint.TestUtilities;
using static BytecodeLint.Analysis.Tests.Rules.BL0002Classes;

namespace BytecodeLint.Analysis.Tests.Flow;

/// <summary>
/// The frame walk keeps the stack aligned through instructions without value semantics, whose
/// effects come from the opcode table: a tracked value pushed before them is still found after.
/// </summary>
public class FrameWalkTests
{
    private const string Use = "(Ljava/lang/Object;Ljava/lang/Object;)V";

    private static MethodFacts Facts(Action<BL0002Code> body, string descriptor)
    {
        var set = new BL0002Classes();
        Method(set.Class("p/M"), "m", descriptor, body, ClassAccess.Public | ClassAccess.Static);
        return set.Graph().FindMethod(new MethodKey("p/M", "m", descriptor))!;
    }

    [Fact]
    public void Two_slot_arithmetic_conversions_and_comparisons_keep_the_values_below_them()
    {
        // m(long a, long b, Object o): use(o, <(int)((a + b) << 1) compared …>) with o pushed first.
        var facts = Facts(c =>
        {
            c.Aload(4);
            c.Builder.Op(CodeOpcodes.Lload0).Op(CodeOpcodes.Lload2).Op(CodeOpcodes.Ladd)      // 2+2 → 2
                .Op(CodeOpcodes.Iconst1).Op(CodeOpcodes.Lshl)                                    // 2+1 → 2
                .Op(CodeOpcodes.Lconst1).Op(CodeOpcodes.Lcmp)                                    // 2+2 → 1
                .Op(CodeOpcodes.I2l).Op(CodeOpcodes.L2i)                                         // 1 → 2 → 1
                .Op(CodeOpcodes.Fconst1).Op(CodeOpcodes.F2d).Op(CodeOpcodes.D2l).Op(CodeOpcodes.Pop2) // 1 → 2 → 2 → 0
                .Op(CodeOpcodes.Pop);
            c.Aload(4).Static("p/X", "use", Use).Return();
        }, "(JJLjava/lang/Object;)V");

        var call = Assert.Single(facts.Calls);
        Assert.Equal([new ValueRef(ValueKind.Param, 2)], call.Arguments[0]);
        Assert.Equal([new ValueRef(ValueKind.Param, 2)], call.Arguments[1]);
    }

    [Fact]
    public void Stack_shuffles_move_the_origins_and_checkcast_keeps_them()
    {
        // m(Object a, Object b): b a swap → a b; use(a, b) after checkcast.
        var facts = Facts(c =>
        {
            c.Aload(1).Aload(0);
            c.Builder.Op(CodeOpcodes.Swap);
            c.Static("p/X", "use", Use);
            c.Aload(0).Aload(1);
            c.Builder.Op(CodeOpcodes.Dup2).Op(CodeOpcodes.Pop2);
            c.Static("p/X", "use", Use).Return();
        }, "(Ljava/lang/Object;Ljava/lang/Object;)V");

        Assert.All(facts.Calls, call =>
        {
            Assert.Equal([new ValueRef(ValueKind.Param, 0)], call.Arguments[0]);
            Assert.Equal([new ValueRef(ValueKind.Param, 1)], call.Arguments[1]);
        });
    }

    private const string UseOne = "(Ljava/lang/Object;Ljava/lang/Object;)V";

    /// <summary>
    /// A forward branch hands its locals to the pending state without copying (copy on write): a store on
    /// the fall-through path must not change what the branch target receives.
    /// </summary>
    [Fact]
    public void A_store_after_a_branch_does_not_change_the_state_the_branch_carries()
    {
        // m(Object a, Object b): x = b; if (a != null) x = a; use(x, x)  → x is {b, a} at the merge.
        var facts = Facts(c =>
        {
            c.Aload(1).Astore(2);                          // 0, 2
            c.Aload(0);                                    // 4
            c.Builder.Branch(CodeOpcodes.Ifnull, 7);       // 6 → 13
            c.Aload(0).Astore(2);                          // 9, 11
            c.Aload(2).Aload(2).Static("p/X", "use", UseOne).Return(); // 13
        }, "(Ljava/lang/Object;Ljava/lang/Object;)V");

        var call = Assert.Single(facts.Calls);
        Assert.Equal([new ValueRef(ValueKind.Param, 0), new ValueRef(ValueKind.Param, 1)], call.Arguments[0].OrderBy(v => v.Index));
    }

    /// <summary>
    /// Two branches taken from one state share its locals; a path that starts from one of them and stores
    /// must leave the other's untouched.
    /// </summary>
    [Fact]
    public void A_store_on_one_branch_target_does_not_leak_into_another_target_of_the_same_state()
    {
        // m(Object a, Object b): x = b; if (a == null) { x = a; return; } if (a != null) use(x, x); y = a; return
        // The store to y (on the path that falls through both branches) gives the walk a copy of its own,
        // so the state the first target restores must be copied again before x = a is stored into it.
        var facts = Facts(c =>
        {
            c.Aload(1).Astore(2);                          // 0, 2
            c.Aload(0);                                    // 4
            c.Builder.Branch(CodeOpcodes.Ifnull, 13);      // 6 → 19
            c.Aload(0);                                    // 9
            c.Builder.Branch(CodeOpcodes.Ifnonnull, 13);   // 11 → 24
            c.Aload(0).Astore(3).Return();                 // 14, 16, 18
            c.Aload(0).Astore(2).Return();                 // 19, 21, 23
            c.Aload(2).Aload(2).Static("p/X", "use", UseOne).Return(); // 24
        }, "(Ljava/lang/Object;Ljava/lang/Object;)V");

        var call = Assert.Single(facts.Calls);
        Assert.Equal([new ValueRef(ValueKind.Param, 1)], call.Arguments[0]);
    }
}
