using System.Collections.Concurrent;
using BytecodeLint.Analysis.Flow;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Rules.Agent;

/// <summary>
/// One reflective call of an <c>Instrumentation</c> method: <c>Method.invoke</c> at <see cref="Pc"/> on a
/// <c>Method</c> obtained by <c>getMethod</c>/<c>getDeclaredMethod</c> with the constant name
/// <see cref="Name"/> on the Instrumentation class. <see cref="ParameterCount"/> is the length of the
/// parameter-types array (-1 when not a constant); <see cref="IntArguments"/> holds, per argument of the
/// reflected method, the int value of a constant argument (a boxed <c>Boolean.TRUE</c> is 1) or null.
/// </summary>
internal sealed record ReflectiveCall(int Pc, string Name, int ParameterCount, int?[] IntArguments);

/// <summary>An exception-table row: [Start, End) is protected, Handler is where the handler starts.</summary>
internal readonly record struct HandlerRange(int Start, int End, int Handler);

/// <summary>What <see cref="ReflectiveInstrumentationReader"/> found in one method.</summary>
internal sealed record ReflectiveMethodFacts(IReadOnlyList<ReflectiveCall> Calls, IReadOnlyList<HandlerRange> Handlers);

/// <summary>
/// Finds reflective calls of <c>Instrumentation</c> methods in one method, with a value semantics of its
/// own over the shared <see cref="FrameWalk"/> (the artifact flow's reader does not track string or class
/// constants, and widening it for every class would cost every scan). Tracked: string and class constants
/// (<c>ldc</c>), <c>Class.forName("…Instrumentation")</c>, <c>getClass()</c> on a parameter, field or call result
/// declared as <c>Instrumentation</c>, arrays of constant length with their constant-index elements,
/// <c>Boolean.valueOf</c>/<c>Boolean.TRUE</c>/<c>FALSE</c>, and the <c>Method</c> that
/// <c>getMethod</c>/<c>getDeclaredMethod</c> returns for a constant name on the Instrumentation class.
/// Not tracked: names built at run time, <c>MethodHandle</c>s, a <c>Method</c> kept in a field.
/// Values are encoded as <see cref="ValueKind.Allocation"/> refs indexing this reader's own table, so
/// the walk (which never looks at kinds) carries them through locals, the stack and branches.
/// </summary>
internal sealed class ReflectiveInstrumentationReader : IFrameSemantics
{
    /// <summary>The methods whose reflective calls are read as calls (the agent rules' vocabulary).</summary>
    public static readonly string[] Names =
    [
        "retransformClasses", "redefineClasses", "addTransformer", "isRetransformClassesSupported",
        "isRedefineClassesSupported", "appendToBootstrapClassLoaderSearch",
    ];

    private static readonly byte[][] NameBytes = [.. Names.Select(System.Text.Encoding.ASCII.GetBytes)];

    private enum Kind : byte { String, Class, Instrumentation, Method, Array }

    /// <summary>One tracked value; <see cref="Length"/> is an array's constant length or a reflected method's parameter count (-1: not known).</summary>
    private sealed record Tracked(Kind Kind, string Text = "", int Length = -1)
    {
        public ValueRef[]?[]? Elements { get; set; }
    }

    private readonly ClassReadCache _cache;
    private readonly ConstantPool _pool;
    private readonly FrameWalk _frame = new();
    private readonly List<Tracked> _values = [];
    private readonly List<ReflectiveCall> _calls = [];

    private ReflectiveInstrumentationReader(JavaClass @class, ConcurrentDictionary<string, string> interner)
    {
        _cache = new ClassReadCache(@class, interner);
        _pool = @class.ConstantPool;
    }

    /// <summary>True when the class's constant pool names one of <see cref="Names"/> (a method reference or a string): only those classes are read.</summary>
    public static bool Mentions(JavaClass @class)
    {
        var pool = @class.ConstantPool;
        for (int i = 1; i < pool.Count; i++)
        {
            if (pool.KindAt(i) != ConstantKind.Utf8) continue;
            var bytes = pool.GetUtf8Bytes(pool.AsUtf8(i));
            foreach (var name in NameBytes)
                if (bytes.SequenceEqual(name)) return true;
        }
        return false;
    }

    /// <summary>The reflective calls and exception handlers of every method of the class that has either.</summary>
    public static Dictionary<MethodKey, ReflectiveMethodFacts> Read(JavaClass @class, ConcurrentDictionary<string, string> interner)
    {
        var result = new Dictionary<MethodKey, ReflectiveMethodFacts>();
        string owner = ClassReadCache.ClassName(@class.ConstantPool, @class.ThisClass, interner);
        foreach (var method in @class.Methods)
        {
            if (method.GetCode() is not { } code) continue;
            var reader = new ReflectiveInstrumentationReader(@class, interner);
            var key = new MethodKey(owner, reader._cache.Utf8(method.Name), reader._cache.Utf8(method.Descriptor));
            reader.Run(method, code, key);
            var handlers = new HandlerRange[code.ExceptionHandlerCount];
            for (int h = 0; h < handlers.Length; h++)
            {
                var row = code.GetExceptionHandler(h);
                handlers[h] = new HandlerRange(row.StartPc, row.EndPc, row.HandlerPc);
            }
            if (reader._calls.Count > 0 || handlers.Length > 0) result[key] = new ReflectiveMethodFacts(reader._calls, handlers);
        }
        return result;
    }

    private void Run(MemberInfo method, CodeAttribute code, MethodKey key)
    {
        var locals = new ValueRef[Math.Max(code.MaxLocals, 1)][];
        int slot = 0;
        if ((method.AccessFlags & AccessFlags.Static) == 0) locals[slot++] = ValueSets.Unknown;
        var types = Descriptors.ArgumentClassNames(key.Descriptor);
        var sizes = Descriptors.ArgumentSlots(key.Descriptor);
        for (int i = 0; i < sizes.Length; i++)
        {
            if (slot < locals.Length) locals[slot] = IsInstrumentation(types[i]) ? Track(new Tracked(Kind.Instrumentation)) : ValueSets.Unknown;
            slot += sizes[i];
        }
        _frame.Run(code, locals, this);
    }

    /// <inheritdoc/>
    public bool Execute(ref InstructionCursor c, FrameWalk frame)
    {
        var op = c.Opcode;
        switch (op)
        {
            case >= Opcode.IconstM1 and <= Opcode.Iconst5: frame.Push(Int((int)op - (int)Opcode.Iconst0)); return true;
            case Opcode.Bipush or Opcode.Sipush: frame.Push(Int(c.PushValue)); return true;
            case Opcode.Ldc or Opcode.LdcW: frame.Push(Constant(c.ConstantIndex)); return true;
            case Opcode.Anewarray:
            {
                var length = frame.Pop();
                frame.Push(Track(new Tracked(Kind.Array, Length: length is [{ Kind: ValueKind.Int, Index: >= 0 and < 256 } n] ? n.Index : -1)));
                return true;
            }
            case Opcode.Aastore:
            {
                var value = frame.Pop();
                var index = frame.Pop();
                if (Single(frame.Pop()) is { Kind: Kind.Array, Elements: var elements } array && index is [{ Kind: ValueKind.Int } i] && i.Index >= 0 && i.Index < array.Length)
                    (array.Elements = elements ?? new ValueRef[]?[array.Length])[i.Index] = value;
                return true;
            }
            case Opcode.Getstatic or Opcode.Getfield:
            {
                if (op == Opcode.Getfield) frame.Pop();
                var field = _cache.Field(c.ConstantIndex);
                if (field is { Owner: "java/lang/Boolean", Name: "TRUE" or "FALSE" }) frame.Push(Int(field.Name == "TRUE" ? 1 : 0));
                else if (field.Descriptor.Length > 2 && IsInstrumentation(field.Descriptor[1..^1])) frame.Push(Track(new Tracked(Kind.Instrumentation)));
                else frame.PushUnknown(Descriptors.FieldSlots(field.Descriptor));
                return true;
            }
            case Opcode.Putstatic or Opcode.Putfield:
            {
                var field = _cache.Field(c.ConstantIndex);
                frame.Pop(Descriptors.FieldSlots(field.Descriptor));
                if (op == Opcode.Putfield) frame.Pop();
                return true;
            }
            case Opcode.Invokevirtual or Opcode.Invokespecial or Opcode.Invokestatic or Opcode.Invokeinterface:
                Invoke(ref c, frame);
                return true;
            case Opcode.Invokedynamic:
            {
                var (_, slots, returnSlots, _) = _cache.Dynamic(c.ConstantIndex);
                for (int i = slots.Length - 1; i >= 0; i--) frame.Pop(slots[i]);
                frame.PushUnknown(returnSlots);
                return true;
            }
            case Opcode.Multianewarray:
                frame.Pop(c.ThirdOperandByte);
                frame.PushUnknown(1);
                return true;
            default: return false;
        }
    }

    /// <inheritdoc/>
    public void Returned(ValueRef[] value) { }

    /// <inheritdoc/>
    public void BackEdge(int from, int target) { }

    private void Invoke(ref InstructionCursor c, FrameWalk frame)
    {
        var (key, slots, returnSlots) = _cache.Method(c.ConstantIndex);
        bool hasReceiver = c.Opcode != Opcode.Invokestatic;
        var arguments = new ValueRef[slots.Length][];
        for (int i = slots.Length - 1; i >= 0; i--) arguments[i] = frame.Pop(slots[i]);
        var receiver = hasReceiver ? frame.Pop() : ValueSets.Unknown;

        ValueRef[]? result = (key.Owner, key.Name, key.Descriptor) switch
        {
            ("java/lang/Class", "forName", _) when Single(arguments[0]) is { Kind: Kind.String } name && IsInstrumentation(name.Text.Replace('.', '/'))
                => Track(new Tracked(Kind.Class)),
            ("java/lang/Class", "getMethod" or "getDeclaredMethod", "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;")
                when Single(receiver) is { Kind: Kind.Class } && Single(arguments[0]) is { Kind: Kind.String } name && Names.Contains(name.Text)
                => Track(new Tracked(Kind.Method, name.Text, Single(arguments[1]) is { Kind: Kind.Array } types ? types.Length : -1)),
            (_, "getClass", "()Ljava/lang/Class;") when Single(receiver) is { Kind: Kind.Instrumentation } => Track(new Tracked(Kind.Class)),
            ("java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;") when arguments[0] is [{ Kind: ValueKind.Int }] flag => flag,
            _ when key.Descriptor.EndsWith(")L" + AgentApis.Instrumentation + ";", StringComparison.Ordinal) => Track(new Tracked(Kind.Instrumentation)),
            _ => null,
        };
        if (key is { Owner: "java/lang/reflect/Method", Name: "invoke" } && Single(receiver) is { Kind: Kind.Method } reflected)
            _calls.Add(new ReflectiveCall(c.Offset, reflected.Text, reflected.Length, IntArguments(reflected.Length, arguments.Length > 1 ? arguments[1] : ValueSets.Unknown)));
        if (result is not null) frame.Push(result);
        else frame.PushUnknown(returnSlots);
    }

    /// <summary>The int constants among the arguments of the reflected call (from the constant-length Object[] passed to invoke).</summary>
    private int?[] IntArguments(int count, ValueRef[] array)
    {
        var values = new int?[Math.Max(count, 0)];
        if (Single(array) is { Kind: Kind.Array, Elements: { } elements })
            for (int i = 0; i < values.Length && i < elements.Length; i++)
                if (elements[i] is [{ Kind: ValueKind.Int } v]) values[i] = v.Index;
        return values;
    }

    private ValueRef[] Constant(int index) => _pool.KindAt(index) switch
    {
        ConstantKind.String => Track(new Tracked(Kind.String, _pool.GetString(_pool.GetReferencedUtf8(index)))),
        ConstantKind.Class => IsInstrumentation(_cache.ClassName(index)) ? Track(new Tracked(Kind.Class)) : ValueSets.Unknown,
        ConstantKind.Integer => Int(_pool.GetInteger(index)),
        _ => ValueSets.Unknown,
    };

    private static bool IsInstrumentation(string? internalName) => internalName is AgentApis.Instrumentation or AgentApis.InstrumentationImpl;

    private static ValueRef[] Int(int value) => ValueSets.Single(ValueKind.Int, value);

    private ValueRef[] Track(Tracked value)
    {
        _values.Add(value);
        return ValueSets.Single(ValueKind.Allocation, _values.Count - 1);
    }

    /// <summary>The tracked value when the slot has exactly one origin and it is one of ours.</summary>
    private Tracked? Single(ValueRef[] value) =>
        value is [{ Kind: ValueKind.Allocation } only] && only.Index < _values.Count ? _values[only.Index] : null;
}
