using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// The value semantics of the flow (like ASM's SourceInterpreter): what constants, allocations, field
/// accesses, calls and array stores mean for the origins of values (<see cref="ValueRef"/>), and the
/// <see cref="MethodFacts"/> they add up to. The <see cref="FrameWalk"/> carries the values through
/// the stack, locals and branches in a single linear pass. Limits, chosen for speed and documented for rule pages:
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
internal sealed class MethodFactsReader : IFrameSemantics
{
    private ClassReadCache _cache = null!;
    private readonly FrameWalk _frame = new();
    private readonly List<CallSite> _calls = [];
    private readonly List<Allocation> _allocations = [];
    private readonly List<FieldKey> _fields = [];
    private readonly List<ValueRef[]> _fieldSets = []; // one shared origin set per field: value sets are never mutated

    // Small int constants share their origin sets across all methods (ValueSets.Single).
    private static ValueRef[] IntSet(int value) => ValueSets.Single(ValueKind.Int, value);
    private readonly Dictionary<int, int> _fieldIndexByConstant = [];
    private readonly List<FieldStore> _stores = [];
    private ValueRef[] _returns = [];
    private List<BackEdge>? _backEdges;
    private List<ArrayStore>? _parameterArrayStores;
    private int[] _linePcs = [], _lines = []; // the method's line table sorted by pc, in buffers kept from method to method
    private int _lineCount;

    private readonly List<(int Pc, int Line)> _linePairs = [];

    // One reader per class read cache, reset per method: the cache is reused per thread
    // (ClassReadCache.With), and so is its reader. A fresh reader (its lists, dictionaries and frame walk)
    // per method was most of the garbage of a scan that reads many classes in depth (fat-boot.jar).
    // The facts returned are copies; nothing of the reader's state escapes.
    internal MethodFactsReader()
    {
    }

    public static MethodFacts Read(ClassReadCache cache, MemberInfo method, CodeAttribute code, MethodKey key)
    {
        var reader = cache.Reader;
        reader.Reset(cache);
        return reader.Run(method, code, key);
    }

    private void Reset(ClassReadCache cache)
    {
        _cache = cache;
        _calls.Clear();
        _allocations.Clear();
        _fields.Clear();
        _fieldSets.Clear();
        _fieldIndexByConstant.Clear();
        _stores.Clear();
        _returns = [];
        _backEdges?.Clear();
        _parameterArrayStores?.Clear();
        _lineCount = 0;
    }

    private MethodFacts Run(MemberInfo method, CodeAttribute code, MethodKey key)
    {
        ReadLines(code);
        bool isStatic = (method.AccessFlags & AccessFlags.Static) != 0;
        var locals = new ValueRef[Math.Max(code.MaxLocals, 1)][];
        int slot = 0, argument = 0;
        if (!isStatic) locals[slot++] = ValueSets.Single(ValueKind.Param, argument++);
        foreach (int size in Descriptors.ArgumentSlots(key.Descriptor))
        {
            if (slot < locals.Length) locals[slot] = size == 1 ? ValueSets.Single(ValueKind.Param, argument) : ValueSets.Unknown;
            slot += size;
            argument++;
        }
        _frame.Run(code, locals, this);

        return new MethodFacts(key, method.AccessFlags, [.. _calls], [.. _allocations], [.. _fields], [.. _stores], _returns)
        {
            BackEdges = _backEdges is null or { Count: 0 } ? [] : [.. _backEdges],
            ParameterArrayStores = _parameterArrayStores is null or { Count: 0 } ? [] : [.. _parameterArrayStores],
        };
    }

    /// <inheritdoc/>
    public bool Execute(ref InstructionCursor c, FrameWalk frame)
    {
        var op = c.Opcode;
        switch (op)
        {
            case Opcode.AconstNull: Push(ValueSets.Null); return true;
            case >= Opcode.IconstM1 and <= Opcode.Iconst5: Push(IntSet((int)op - (int)Opcode.Iconst0)); return true;
            case Opcode.Bipush or Opcode.Sipush: Push(IntSet(c.PushValue)); return true;
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
            case Opcode.Getstatic or Opcode.Getfield: GetField(ref c, op == Opcode.Getfield); return true;
            case Opcode.Putstatic or Opcode.Putfield: PutField(ref c, op == Opcode.Putfield); return true;
            case Opcode.Invokevirtual or Opcode.Invokespecial or Opcode.Invokestatic or Opcode.Invokeinterface: Invoke(ref c); return true;
            case Opcode.Invokedynamic: InvokeDynamic(ref c); return true;
            case Opcode.New:
                Push(ValueSets.Of(Allocate(c.Offset, _cache.ClassName(c.ConstantIndex), AllocationKind.Object)));
                return true;
            case Opcode.Newarray or Opcode.Anewarray:
                Pop();
                Push(ValueSets.Of(Allocate(c.Offset, op == Opcode.Newarray ? "[?" : "[L" + _cache.ClassName(c.ConstantIndex) + ";", AllocationKind.Array)));
                return true;
            case Opcode.Multianewarray:
                Pop(c.ThirdOperandByte);
                Push(ValueSets.Of(Allocate(c.Offset, _cache.ClassName(c.ConstantIndex), AllocationKind.Array)));
                return true;
            default: return false;
        }
    }

    /// <inheritdoc/>
    public void Returned(ValueRef[] value) => _returns = ValueSets.Union(_returns, value);

    /// <inheritdoc/>
    public void BackEdge(int from, int target) => (_backEdges ??= []).Add(new BackEdge(from, target, Line(target)));

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
            _fieldSets.Add(ValueSets.Single(ValueKind.Field, index));
            _fieldIndexByConstant[constant] = index;
        }
        return (index, key.Descriptor);
    }

    private void Invoke(ref InstructionCursor c)
    {
        var (key, slots, returnSlots) = _cache.Method(c.ConstantIndex);
        bool hasReceiver = c.Opcode != Opcode.Invokestatic;
        int argumentCount = slots.Length + (hasReceiver ? 1 : 0);
        ValueRef[][] arguments;
        if (argumentCount == 0) arguments = [];
        else if (argumentCount == 1) arguments = ValueSets.OneArgument(Pop(hasReceiver ? 1 : slots[0]));
        else
        {
            arguments = new ValueRef[argumentCount][];
            for (int i = slots.Length - 1; i >= 0; i--)
                arguments[i + (hasReceiver ? 1 : 0)] = slots[i] == 2 ? Pop(2) : Pop();
            if (hasReceiver) arguments[0] = Pop();
        }

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
        if (returnSlots == 1) Push(ValueSets.Single(ValueKind.CallResult, callIndex));
        else PushUnknown(returnSlots);
    }

    private void InvokeDynamic(ref InstructionCursor c)
    {
        var (key, slots, returnSlots, implementation) = _cache.Dynamic(c.ConstantIndex);
        var arguments = slots.Length == 0 ? [] : new ValueRef[slots.Length][];
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
        Push(ValueSets.Of(lambda));
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

    private void Push(ValueRef[] value) => _frame.Push(value);

    private void PushUnknown(int slots) => _frame.PushUnknown(slots);

    private ValueRef[] Pop() => _frame.Pop();

    private ValueRef[] Pop(int slots) => _frame.Pop(slots);

    // ------------------------------------------------------------------ lines

    private void ReadLines(CodeAttribute code)
    {
        var pairs = _linePairs;
        pairs.Clear();
        foreach (var attribute in code.Attributes)
        {
            if (attribute.Kind != AttributeKind.LineNumberTable) continue;
            var table = new LineNumberTable(attribute);
            for (int i = 0; i < table.Count; i++) pairs.Add(table[i]);
        }
        if (pairs.Count == 0) return;
        pairs.Sort((a, b) => a.Pc.CompareTo(b.Pc));
        if (_linePcs.Length < pairs.Count)
        {
            _linePcs = new int[Math.Max(pairs.Count, 2 * _linePcs.Length)];
            _lines = new int[_linePcs.Length];
        }
        for (int i = 0; i < pairs.Count; i++) (_linePcs[i], _lines[i]) = pairs[i];
        _lineCount = pairs.Count;
    }

    /// <summary>The source line of a pc, or 0 when the method has no LineNumberTable.</summary>
    private int Line(int pc)
    {
        int i = Array.BinarySearch(_linePcs, 0, _lineCount, pc);
        if (i < 0) i = ~i - 1;
        return i >= 0 ? _lines[i] : 0;
    }
}
