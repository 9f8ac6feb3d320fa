using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// Extracts <see cref="MethodFacts"/> from one method by a single linear pass over its instructions
/// that keeps, for every operand-stack slot and local, the small set of places the value may come
/// from (<see cref="ValueRef"/>). Limits, chosen for speed and documented for rule pages:
/// <list type="bullet">
/// <item>Forward branches merge their states at the target; backward branches (loops) are not
/// re-iterated, so a value stored late in a loop body is not seen by loads earlier in it.</item>
/// <item>Locals follow the instruction order (the last store wins), so javac's reuse of a slot for
/// another variable in a later block is handled.</item>
/// <item>Array elements, long/double/float values, constants other than ints and null, and caught
/// exceptions are <see cref="ValueRef.Unknown"/>.</item>
/// <item>Only <c>LambdaMetafactory</c> call sites among <c>invokedynamic</c> are modelled (as an
/// allocation holding the captured values and a call to the implementation method).</item>
/// </list>
/// </summary>
internal sealed class MethodFactsReader
{
    private readonly ClassReadCache _cache;
    private readonly List<ValueRef[]> _stack = new(16);
    private ValueRef[][] _locals = [];
    private readonly Dictionary<int, (ValueRef[][] Stack, ValueRef[][] Locals)> _pending = [];
    private readonly List<CallSite> _calls = [];
    private readonly List<Allocation> _allocations = [];
    private readonly List<FieldKey> _fields = [];
    private readonly List<ValueRef[]> _fieldSets = []; // one shared origin set per field: value sets are never mutated

    // Small int constants (iconst_m1 … bipush 127) share their origin sets across all methods.
    private static readonly ValueRef[][] SmallInts = [.. Enumerable.Range(-1, 129).Select(i => new[] { new ValueRef(ValueKind.Int, i) })];

    private static ValueRef[] IntSet(int value) =>
        (uint)(value + 1) < (uint)SmallInts.Length ? SmallInts[value + 1] : [new ValueRef(ValueKind.Int, value)];
    private readonly Dictionary<int, int> _fieldIndexByConstant = [];
    private readonly List<FieldStore> _stores = [];
    private ValueRef[] _returns = [];
    private List<BackEdge>? _backEdges;
    private List<ArrayStore>? _parameterArrayStores;
    private int[] _linePcs = [], _lines = [];

    private MethodFactsReader(ClassReadCache cache) => _cache = cache;

    public static MethodFacts Read(ClassReadCache cache, MemberInfo method, CodeAttribute code, MethodKey key) =>
        new MethodFactsReader(cache).Run(method, code, key);

    private MethodFacts Run(MemberInfo method, CodeAttribute code, MethodKey key)
    {
        ReadLines(code);
        bool isStatic = (method.AccessFlags & AccessFlags.Static) != 0;
        _locals = new ValueRef[Math.Max(code.MaxLocals, 1)][];
        int slot = 0, argument = 0;
        if (!isStatic) _locals[slot++] = [new ValueRef(ValueKind.Param, argument++)];
        foreach (int size in Descriptors.ArgumentSlots(key.Descriptor))
        {
            if (slot < _locals.Length) _locals[slot] = size == 1 ? [new ValueRef(ValueKind.Param, argument)] : ValueSets.Unknown;
            slot += size;
            argument++;
        }

        var handlers = new HashSet<int>();
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
                _stack.Clear();
                _stack.Add(ValueSets.Unknown);
            }
            reachable = Step(ref cursor);
        }

        return new MethodFacts(key, method.AccessFlags, [.. _calls], [.. _allocations], [.. _fields], [.. _stores], _returns)
        {
            BackEdges = _backEdges is null ? [] : [.. _backEdges],
            ParameterArrayStores = _parameterArrayStores is null ? [] : [.. _parameterArrayStores],
        };
    }

    /// <summary>Executes one instruction on the abstract state; false when control does not fall through.</summary>
    private bool Step(ref InstructionCursor c)
    {
        var op = c.Opcode;
        switch (op)
        {
            case Opcode.AconstNull: Push(ValueSets.Null); return true;
            case >= Opcode.IconstM1 and <= Opcode.Iconst5: Push(IntSet((int)op - (int)Opcode.Iconst0)); return true;
            case Opcode.Bipush or Opcode.Sipush: Push(IntSet(c.PushValue)); return true;
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
            case Opcode.Aastore:
            {
                var value = Pop();
                Pop();
                foreach (var array in Pop())
                    if (array.Kind == ValueKind.Allocation) _allocations[array.Index].Contents = ValueSets.Union(_allocations[array.Index].Contents, value);
                return true;
            }
            case Opcode.Bastore or Opcode.Castore or Opcode.Sastore or Opcode.Iastore or Opcode.Fastore or Opcode.Lastore or Opcode.Dastore:
                StoreIntoPrimitiveArray(c.Offset, op is Opcode.Lastore or Opcode.Dastore ? 2 : 1);
                return true;
            case Opcode.Dup: { var a = Pop(); Push(a); Push(a); return true; }
            case Opcode.DupX1: { var a = Pop(); var b = Pop(); Push(a); Push(b); Push(a); return true; }
            case Opcode.DupX2: { var a = Pop(); var b = Pop(); var d = Pop(); Push(a); Push(d); Push(b); Push(a); return true; }
            case Opcode.Dup2: { var a = Pop(); var b = Pop(); Push(b); Push(a); Push(b); Push(a); return true; }
            case Opcode.Dup2X1: { var a = Pop(); var b = Pop(); var d = Pop(); Push(b); Push(a); Push(d); Push(b); Push(a); return true; }
            case Opcode.Dup2X2: { var a = Pop(); var b = Pop(); var d = Pop(); var e = Pop(); Push(b); Push(a); Push(e); Push(d); Push(b); Push(a); return true; }
            case Opcode.Swap: { var a = Pop(); var b = Pop(); Push(a); Push(b); return true; }
            case Opcode.Checkcast: return true; // the value keeps its origins
            case Opcode.Getstatic or Opcode.Getfield: GetField(ref c, op == Opcode.Getfield); return true;
            case Opcode.Putstatic or Opcode.Putfield: PutField(ref c, op == Opcode.Putfield); return true;
            case Opcode.Invokevirtual or Opcode.Invokespecial or Opcode.Invokestatic or Opcode.Invokeinterface: Invoke(ref c); return true;
            case Opcode.Invokedynamic: InvokeDynamic(ref c); return true;
            case Opcode.New:
                Push([Allocate(c.Offset, _cache.ClassName(c.ConstantIndex), AllocationKind.Object)]);
                return true;
            case Opcode.Newarray or Opcode.Anewarray:
                Pop();
                Push([Allocate(c.Offset, op == Opcode.Newarray ? "[?" : "[L" + _cache.ClassName(c.ConstantIndex) + ";", AllocationKind.Array)]);
                return true;
            case Opcode.Multianewarray:
                Pop(c.ThirdOperandByte);
                Push([Allocate(c.Offset, _cache.ClassName(c.ConstantIndex), AllocationKind.Array)]);
                return true;
            case Opcode.Areturn: _returns = ValueSets.Union(_returns, Pop()); return false;
            case Opcode.Ireturn or Opcode.Freturn or Opcode.Athrow: Pop(); return false;
            case Opcode.Lreturn or Opcode.Dreturn: Pop(2); return false;
            case Opcode.Return or Opcode.Ret: return false;
            case Opcode.Goto or Opcode.GotoW: Jump(c.Offset, c.BranchTarget); return false;
            case Opcode.Jsr or Opcode.JsrW: PushUnknown(1); Jump(c.Offset, c.BranchTarget); Pop(); return true;
            case >= Opcode.Ifeq and <= Opcode.Ifle or Opcode.Ifnull or Opcode.Ifnonnull: Pop(); Jump(c.Offset, c.BranchTarget); return true;
            case >= Opcode.IfIcmpeq and <= Opcode.IfAcmpne: Pop(2); Jump(c.Offset, c.BranchTarget); return true;
            case Opcode.Tableswitch or Opcode.Lookupswitch:
                Pop();
                Jump(c.Offset, c.SwitchDefaultTarget);
                for (int i = 0; i < c.SwitchCaseCount; i++) Jump(c.Offset, c.GetSwitchCase(i).Target);
                return false;
            default:
            {
                var (pop, push) = SimpleEffect(op);
                Pop(pop);
                PushUnknown(push);
                return true;
            }
        }
    }

    /// <summary>Stack effect in slots of the instructions whose values are not tracked.</summary>
    private static (int Pop, int Push) SimpleEffect(Opcode op) => op switch
    {
        Opcode.Lconst0 or Opcode.Lconst1 or Opcode.Dconst0 or Opcode.Dconst1 or Opcode.Ldc2W => (0, 2),
        Opcode.Fconst0 or Opcode.Fconst1 or Opcode.Fconst2 or Opcode.Ldc or Opcode.LdcW => (0, 1),
        Opcode.Iaload or Opcode.Faload or Opcode.Aaload or Opcode.Baload or Opcode.Caload or Opcode.Saload => (2, 1),
        Opcode.Laload or Opcode.Daload => (2, 2),
        Opcode.Iastore or Opcode.Fastore or Opcode.Bastore or Opcode.Castore or Opcode.Sastore => (3, 0),
        Opcode.Lastore or Opcode.Dastore => (4, 0),
        Opcode.Pop => (1, 0),
        Opcode.Pop2 => (2, 0),
        Opcode.Iadd or Opcode.Isub or Opcode.Imul or Opcode.Idiv or Opcode.Irem or Opcode.Ishl or Opcode.Ishr or Opcode.Iushr
            or Opcode.Iand or Opcode.Ior or Opcode.Ixor or Opcode.Fadd or Opcode.Fsub or Opcode.Fmul or Opcode.Fdiv or Opcode.Frem
            or Opcode.Fcmpl or Opcode.Fcmpg => (2, 1),
        Opcode.Ladd or Opcode.Lsub or Opcode.Lmul or Opcode.Ldiv or Opcode.Lrem or Opcode.Land or Opcode.Lor or Opcode.Lxor
            or Opcode.Dadd or Opcode.Dsub or Opcode.Dmul or Opcode.Ddiv or Opcode.Drem => (4, 2),
        Opcode.Lshl or Opcode.Lshr or Opcode.Lushr => (3, 2),
        Opcode.Ineg or Opcode.Fneg or Opcode.I2f or Opcode.F2i or Opcode.I2b or Opcode.I2c or Opcode.I2s
            or Opcode.Arraylength or Opcode.Instanceof => (1, 1),
        Opcode.Lneg or Opcode.Dneg or Opcode.L2d or Opcode.D2l => (2, 2),
        Opcode.I2l or Opcode.I2d or Opcode.F2l or Opcode.F2d => (1, 2),
        Opcode.L2i or Opcode.L2f or Opcode.D2i or Opcode.D2f => (2, 1),
        Opcode.Lcmp or Opcode.Dcmpl or Opcode.Dcmpg => (4, 1),
        Opcode.Monitorenter or Opcode.Monitorexit => (1, 0),
        _ => (0, 0),
    };

    private void GetField(ref InstructionCursor c, bool instance)
    {
        if (instance) Pop();
        var (index, descriptor) = FieldIndex(c.ConstantIndex);
        if (descriptor[0] is 'L' or '[') Push(_fieldSets[index]);
        else PushUnknown(Descriptors.FieldSlots(descriptor));
    }

    private void PutField(ref InstructionCursor c, bool instance)
    {
        var (index, descriptor) = FieldIndex(c.ConstantIndex);
        var value = Descriptors.FieldSlots(descriptor) == 2 ? Pop(2) : Pop();
        if (instance) Pop();
        if (descriptor[0] is 'L' or '[') _stores.Add(new FieldStore(c.Offset, index, value));
    }

    private (int Index, string Descriptor) FieldIndex(int constant)
    {
        var key = _cache.Field(constant);
        if (!_fieldIndexByConstant.TryGetValue(constant, out int index))
        {
            index = _fields.Count;
            _fields.Add(key);
            _fieldSets.Add([new ValueRef(ValueKind.Field, index)]);
            _fieldIndexByConstant[constant] = index;
        }
        return (index, key.Descriptor);
    }

    private void Invoke(ref InstructionCursor c)
    {
        var (key, slots, returnSlots) = _cache.Method(c.ConstantIndex);
        bool hasReceiver = c.Opcode != Opcode.Invokestatic;
        var arguments = new ValueRef[slots.Length + (hasReceiver ? 1 : 0)][];
        for (int i = slots.Length - 1; i >= 0; i--)
            arguments[i + (hasReceiver ? 1 : 0)] = slots[i] == 2 ? Pop(2) : Pop();
        if (hasReceiver) arguments[0] = Pop();

        int callIndex = _calls.Count;
        _calls.Add(new CallSite(c.Offset, Line(c.Offset), c.Opcode, key, arguments, null));
        if (c.Opcode == Opcode.Invokespecial && key.Name == "<init>")
        {
            foreach (var receiver in arguments[0])
            {
                if (receiver.Kind != ValueKind.Allocation) continue;
                var allocation = _allocations[receiver.Index];
                if (allocation.ConstructorCall >= 0) continue;
                allocation.ConstructorCall = callIndex;
                var contents = Array.Empty<ValueRef>();
                for (int i = 1; i < arguments.Length; i++) contents = ValueSets.Union(contents, Tracked(arguments[i]));
                allocation.Contents = contents;
            }
        }
        if (returnSlots == 1) Push([new ValueRef(ValueKind.CallResult, callIndex)]);
        else PushUnknown(returnSlots);
    }

    private void InvokeDynamic(ref InstructionCursor c)
    {
        var (key, slots, returnSlots, implementation) = _cache.Dynamic(c.ConstantIndex);
        var arguments = new ValueRef[slots.Length][];
        for (int i = slots.Length - 1; i >= 0; i--) arguments[i] = slots[i] == 2 ? Pop(2) : Pop();
        if (implementation is null)
        {
            PushUnknown(returnSlots); // string concatenation, records, other bootstraps: not followed
            return;
        }
        _calls.Add(new CallSite(c.Offset, Line(c.Offset), Opcode.Invokedynamic, key, arguments, implementation));
        var lambda = Allocate(c.Offset, key.Descriptor[(key.Descriptor.LastIndexOf(')') + 1)..].Trim('L', ';'), AllocationKind.Lambda);
        var contents = Array.Empty<ValueRef>();
        foreach (var argument in arguments) contents = ValueSets.Union(contents, Tracked(argument));
        _allocations[lambda.Index].Contents = contents;
        Push([lambda]);
    }

    /// <summary>Pops value, index and array of a primitive array store; keeps it only when the array may be a parameter (rules look for writes into arguments).</summary>
    private void StoreIntoPrimitiveArray(int pc, int valueSlots)
    {
        Pop(valueSlots);
        Pop();
        var array = Pop();
        if (array.Any(v => v.Kind == ValueKind.Param)) (_parameterArrayStores ??= []).Add(new ArrayStore(pc, Line(pc), array));
    }

    private ValueRef Allocate(int pc, string className, AllocationKind kind)
    {
        _allocations.Add(new Allocation(pc, Line(pc), className, kind));
        return new ValueRef(ValueKind.Allocation, _allocations.Count - 1);
    }

    private static ValueRef[] Tracked(ValueRef[] values) =>
        values.Any(v => v.Kind is ValueKind.Unknown or ValueKind.Int) ? values.Where(v => v.Kind is not (ValueKind.Unknown or ValueKind.Int)).ToArray() : values;

    // ------------------------------------------------------------------ state

    private void Jump(int from, int target)
    {
        if (target <= from)
        {
            (_backEdges ??= []).Add(new BackEdge(from, target, Line(target)));
            return; // loops are not iterated (see the class remarks)
        }
        var state = (_stack.ToArray(), (ValueRef[][])_locals.Clone());
        if (_pending.TryGetValue(target, out var existing)) state = MergeStates(existing, state);
        _pending[target] = state;
    }

    private void Merge((ValueRef[][] Stack, ValueRef[][] Locals) other)
    {
        if (other.Stack.Length == _stack.Count)
            for (int i = 0; i < _stack.Count; i++) _stack[i] = ValueSets.Union(_stack[i], other.Stack[i]);
        var locals = (ValueRef[][])_locals.Clone();
        for (int i = 0; i < locals.Length && i < other.Locals.Length; i++)
            locals[i] = locals[i] is null ? other.Locals[i] : other.Locals[i] is null ? locals[i] : ValueSets.Union(locals[i], other.Locals[i]);
        _locals = locals;
    }

    private static (ValueRef[][], ValueRef[][]) MergeStates((ValueRef[][] Stack, ValueRef[][] Locals) a, (ValueRef[][] Stack, ValueRef[][] Locals) b)
    {
        var stack = a.Stack;
        if (a.Stack.Length == b.Stack.Length)
        {
            stack = new ValueRef[a.Stack.Length][];
            for (int i = 0; i < stack.Length; i++) stack[i] = ValueSets.Union(a.Stack[i], b.Stack[i]);
        }
        var locals = new ValueRef[a.Locals.Length][];
        for (int i = 0; i < locals.Length; i++)
            locals[i] = a.Locals[i] is null ? b.Locals[i] : b.Locals[i] is null ? a.Locals[i] : ValueSets.Union(a.Locals[i], b.Locals[i]);
        return (stack, locals);
    }

    private ValueRef[] Local(int index) => (uint)index < (uint)_locals.Length && _locals[index] is { } value ? value : ValueSets.Unknown;

    private void SetLocal(int index, ValueRef[] value)
    {
        if ((uint)index >= (uint)_locals.Length) return;
        _locals[index] = value; // pending states hold their own copies (see Jump)
    }

    private void Push(ValueRef[] value) => _stack.Add(value);

    private void PushUnknown(int slots)
    {
        for (int i = 0; i < slots; i++) _stack.Add(ValueSets.Unknown);
    }

    private ValueRef[] Pop()
    {
        if (_stack.Count == 0) return ValueSets.Unknown; // only after an imprecise merge; never in verified code on a straight path
        var top = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return top;
    }

    /// <summary>Pops <paramref name="slots"/> slots and returns the origins of the last one popped (for two-slot values: unknown).</summary>
    private ValueRef[] Pop(int slots)
    {
        var last = ValueSets.Unknown;
        for (int i = 0; i < slots; i++) last = Pop();
        return slots == 1 ? last : ValueSets.Unknown;
    }

    // ------------------------------------------------------------------ lines

    private void ReadLines(CodeAttribute code)
    {
        var pairs = new List<(int Pc, int Line)>();
        foreach (var attribute in code.Attributes)
        {
            if (attribute.Kind != AttributeKind.LineNumberTable) continue;
            var table = new LineNumberTable(attribute);
            for (int i = 0; i < table.Count; i++) pairs.Add(table[i]);
        }
        if (pairs.Count == 0) return;
        pairs.Sort((a, b) => a.Pc.CompareTo(b.Pc));
        _linePcs = pairs.Select(p => p.Pc).ToArray();
        _lines = pairs.Select(p => p.Line).ToArray();
    }

    /// <summary>The source line of a pc, or 0 when the method has no LineNumberTable.</summary>
    private int Line(int pc)
    {
        int i = Array.BinarySearch(_linePcs, pc);
        if (i < 0) i = ~i - 1;
        return i >= 0 ? _lines[i] : 0;
    }
}
