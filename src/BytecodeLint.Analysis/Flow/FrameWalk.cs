using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// What a <see cref="FrameWalk"/> asks of the value semantics (as ASM's Analyzer asks its
/// Interpreter): the instructions that create, read or record values, the returned values and the loops.
/// </summary>
internal interface IFrameSemantics
{
    /// <summary>
    /// Executes an instruction the walk does not model itself, on <paramref name="frame"/>; false when it
    /// has no meaning for the values, and the walk applies the opcode table's stack effect with unknown results.
    /// </summary>
    bool Execute(ref InstructionCursor cursor, FrameWalk frame);

    /// <summary><c>areturn</c> returns a value with these origins.</summary>
    void Returned(ValueRef[] value);

    /// <summary>A backward branch: the walk does not iterate loops, the semantics may record them.</summary>
    void BackEdge(int from, int target);
}

/// <summary>
/// The frame walk of one method (like ASM's Analyzer and Frame): the abstract operand stack and locals,
/// a single linear pass over the instructions, states merged at forward branch targets, the stack
/// reset at exception handlers; values are sets of origins (<see cref="ValueRef"/>) whose meaning is
/// the <see cref="IFrameSemantics"/>'s. Loads, stores, stack shuffles, branches and returns are the
/// walk's own; every other instruction either has value semantics or takes its stack effect from the
/// opcode table (<see cref="OpcodeInfo"/>). Limits (see <see cref="MethodFactsReader"/>): backward
/// branches are not re-iterated; locals follow instruction order (the last store wins).
/// </summary>
internal sealed class FrameWalk
{
    private readonly List<ValueRef[]> _stack = new(16);
    private ValueRef[][] _locals = [];
    // Copy on write: a forward branch hands the locals array to the pending state instead of cloning it
    // (cloning per branch was ~13 % of a scan of fat-boot.jar); the walk copies it before its next store.
    // Arrays held by pending states are never written in place.
    private bool _localsShared;
    private readonly Dictionary<int, (ValueRef[][] Stack, ValueRef[][] Locals)> _pending = [];
    private readonly HashSet<int> _handlers = [];

    /// <summary>Walks the code from the entry state <paramref name="locals"/> (one origin set per slot; null for none).</summary>
    public void Run(CodeAttribute code, ValueRef[][] locals, IFrameSemantics semantics)
    {
        // The walk is reused method after method (one per thread): start from an empty state.
        _stack.Clear();
        _pending.Clear();
        _locals = locals;
        _localsShared = false;
        var handlers = _handlers;
        handlers.Clear();
        for (int h = 0; h < code.ExceptionHandlerCount; h++) handlers.Add(code.GetExceptionHandler(h).HandlerPc);

        bool reachable = true;
        var cursor = code.GetInstructions();
        while (cursor.MoveNext())
        {
            int pc = cursor.Offset;
            if (_pending.Remove(pc, out var state))
            {
                if (reachable) Merge(state);
                else
                {
                    _stack.Clear();
                    _stack.AddRange(state.Stack);
                    _locals = state.Locals;
                    _localsShared = true; // another pending state may hold the same array
                }
                reachable = true;
            }
            else if (!reachable)
            {
                _stack.Clear();
                reachable = true;
            }
            if (handlers.Contains(pc))
            {
                // The handler starts with the caught exception alone on the stack: not tracked.
                _stack.Clear();
                _stack.Add(ValueSets.Unknown);
            }
            reachable = Step(ref cursor, semantics);
        }
    }

    /// <summary>Executes one instruction on the abstract state; false when control does not fall through.</summary>
    private bool Step(ref InstructionCursor c, IFrameSemantics semantics)
    {
        var op = c.Opcode;
        switch (op)
        {
            case Opcode.Iload or Opcode.Fload or Opcode.Aload or >= Opcode.Iload0 and <= Opcode.Iload3
                or >= Opcode.Fload0 and <= Opcode.Fload3 or >= Opcode.Aload0 and <= Opcode.Aload3:
                Push(Local(c.LocalIndex));
                return true;
            case Opcode.Lload or Opcode.Dload or >= Opcode.Lload0 and <= Opcode.Lload3 or >= Opcode.Dload0 and <= Opcode.Dload3:
                PushUnknown(2);
                return true;
            case Opcode.Istore or Opcode.Fstore or Opcode.Astore or >= Opcode.Istore0 and <= Opcode.Istore3
                or >= Opcode.Fstore0 and <= Opcode.Fstore3 or >= Opcode.Astore0 and <= Opcode.Astore3:
                SetLocal(c.LocalIndex, Pop());
                return true;
            case Opcode.Lstore or Opcode.Dstore or >= Opcode.Lstore0 and <= Opcode.Lstore3 or >= Opcode.Dstore0 and <= Opcode.Dstore3:
                Pop(2);
                SetLocal(c.LocalIndex, ValueSets.Unknown);
                SetLocal(c.LocalIndex + 1, ValueSets.Unknown);
                return true;
            case Opcode.Iinc: SetLocal(c.LocalIndex, ValueSets.Unknown); return true;
            case Opcode.Dup: { var a = Pop(); Push(a); Push(a); return true; }
            case Opcode.DupX1: { var a = Pop(); var b = Pop(); Push(a); Push(b); Push(a); return true; }
            case Opcode.DupX2: { var a = Pop(); var b = Pop(); var d = Pop(); Push(a); Push(d); Push(b); Push(a); return true; }
            case Opcode.Dup2: { var a = Pop(); var b = Pop(); Push(b); Push(a); Push(b); Push(a); return true; }
            case Opcode.Dup2X1: { var a = Pop(); var b = Pop(); var d = Pop(); Push(b); Push(a); Push(d); Push(b); Push(a); return true; }
            case Opcode.Dup2X2: { var a = Pop(); var b = Pop(); var d = Pop(); var e = Pop(); Push(b); Push(a); Push(e); Push(d); Push(b); Push(a); return true; }
            case Opcode.Swap: { var a = Pop(); var b = Pop(); Push(a); Push(b); return true; }
            case Opcode.Checkcast: return true; // the value keeps its origins
            case Opcode.Areturn: semantics.Returned(Pop()); return false;
            case Opcode.Ret: return false;
            case Opcode.Jsr or Opcode.JsrW: PushUnknown(1); Jump(c.Offset, c.BranchTarget, semantics); Pop(); return true;
            case Opcode.Tableswitch or Opcode.Lookupswitch:
                Pop();
                Jump(c.Offset, c.SwitchDefaultTarget, semantics);
                for (int i = 0; i < c.SwitchCaseCount; i++) Jump(c.Offset, c.GetSwitchCase(i).Target, semantics);
                return false;
        }
        if (semantics.Execute(ref c, this)) return true;
        // No value semantics: the table's stack effect, results unknown. Returns, athrow and branches
        // pop their operands the same way, then leave or jump.
        var row = c.Info;
        Pop(row.Pops);
        PushUnknown(row.Pushes);
        switch (row.Flow)
        {
            case FlowKind.Return or FlowKind.Throw: return false;
            case FlowKind.UnconditionalBranch: Jump(c.Offset, c.BranchTarget, semantics); return false;
            case FlowKind.ConditionalBranch: Jump(c.Offset, c.BranchTarget, semantics); return true;
            default: return true;
        }
    }

    // ------------------------------------------------------------------ state

    private void Jump(int from, int target, IFrameSemantics semantics)
    {
        if (target <= from)
        {
            semantics.BackEdge(from, target);
            return; // loops are not iterated (see the class remarks)
        }
        var state = (_stack.ToArray(), _locals);
        _localsShared = true;
        if (_pending.TryGetValue(target, out var existing)) state = MergeStates(existing, state);
        _pending[target] = state;
    }

    private void Merge((ValueRef[][] Stack, ValueRef[][] Locals) other)
    {
        if (other.Stack.Length == _stack.Count)
            for (int i = 0; i < _stack.Count; i++) _stack[i] = ValueSets.Union(_stack[i], other.Stack[i]);
        if (ReferenceEquals(_locals, other.Locals)) return;
        for (int i = 0; i < _locals.Length && i < other.Locals.Length; i++)
        {
            var merged = MergeSlot(_locals[i], other.Locals[i]);
            if (!ReferenceEquals(merged, _locals[i])) WritableLocals()[i] = merged;
        }
    }

    private static (ValueRef[][], ValueRef[][]) MergeStates((ValueRef[][] Stack, ValueRef[][] Locals) a, (ValueRef[][] Stack, ValueRef[][] Locals) b)
    {
        var stack = a.Stack;
        if (a.Stack.Length == b.Stack.Length)
        {
            stack = new ValueRef[a.Stack.Length][];
            for (int i = 0; i < stack.Length; i++) stack[i] = ValueSets.Union(a.Stack[i], b.Stack[i]);
        }
        if (ReferenceEquals(a.Locals, b.Locals)) return (stack, a.Locals);
        ValueRef[][]? locals = null; // a new array only when some slot changes: a's may be shared
        for (int i = 0; i < a.Locals.Length; i++)
        {
            var merged = i < b.Locals.Length ? MergeSlot(a.Locals[i], b.Locals[i]) : a.Locals[i];
            if (ReferenceEquals(merged, a.Locals[i])) continue;
            locals ??= (ValueRef[][])a.Locals.Clone();
            locals[i] = merged;
        }
        return (stack, locals ?? a.Locals);
    }

    private static ValueRef[] MergeSlot(ValueRef[] a, ValueRef[] b) => a is null ? b : b is null ? a : ValueSets.Union(a, b);

    /// <summary>The locals, copied first when a pending state shares them.</summary>
    private ValueRef[][] WritableLocals()
    {
        if (_localsShared)
        {
            _locals = (ValueRef[][])_locals.Clone();
            _localsShared = false;
        }
        return _locals;
    }

    private ValueRef[] Local(int index) => (uint)index < (uint)_locals.Length && _locals[index] is { } value ? value : ValueSets.Unknown;

    private void SetLocal(int index, ValueRef[] value)
    {
        if ((uint)index >= (uint)_locals.Length || ReferenceEquals(_locals[index], value)) return;
        WritableLocals()[index] = value;
    }

    public void Push(ValueRef[] value) => _stack.Add(value);

    public void PushUnknown(int slots)
    {
        for (int i = 0; i < slots; i++) _stack.Add(ValueSets.Unknown);
    }

    public ValueRef[] Pop()
    {
        if (_stack.Count == 0) return ValueSets.Unknown; // only after an imprecise merge; never in verified code on a straight path
        var top = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return top;
    }

    /// <summary>Pops <paramref name="slots"/> slots and returns the origins of the last one popped (for two-slot values: unknown).</summary>
    public ValueRef[] Pop(int slots)
    {
        var last = ValueSets.Unknown;
        for (int i = 0; i < slots; i++) last = Pop();
        return slots == 1 ? last : ValueSets.Unknown;
    }
}
