namespace BytecodeLint.Analysis.Flow;

/// <summary>What an abstract value on the operand stack or in a local can be, as far as one method can tell.</summary>
public enum ValueKind : byte
{
    /// <summary>Anything not tracked: arithmetic results, array elements, caught exceptions, constants other than ints.</summary>
    Unknown,

    /// <summary><c>aconst_null</c>.</summary>
    Null,

    /// <summary>An int constant (<c>iconst_*</c>, <c>bipush</c>, <c>sipush</c>); <see cref="ValueRef.Index"/> is the value.</summary>
    Int,

    /// <summary>An argument of the method on entry (0 is <c>this</c> for instance methods); index counts arguments, not slots.</summary>
    Param,

    /// <summary>A field read (<c>getfield</c>/<c>getstatic</c>); index into <see cref="MethodFacts.Fields"/>.</summary>
    Field,

    /// <summary>The result of a call; index into <see cref="MethodFacts.Calls"/>.</summary>
    CallResult,

    /// <summary>An object or array created here (<c>new</c>, <c>newarray</c>, <c>anewarray</c>, <c>multianewarray</c>) or a lambda (<c>invokedynamic</c>); index into <see cref="MethodFacts.Allocations"/>.</summary>
    Allocation,
}

/// <summary>One possible origin of a value inside a method (an "atom" of the light data flow).</summary>
public readonly record struct ValueRef(ValueKind Kind, int Index)
{
    public static readonly ValueRef Unknown = new(ValueKind.Unknown, 0);
    public static readonly ValueRef Null = new(ValueKind.Null, 0);

    public override string ToString() => Kind switch
    {
        ValueKind.Unknown => "?",
        ValueKind.Null => "null",
        ValueKind.Int => "int " + Index,
        ValueKind.Param => "param " + Index,
        ValueKind.Field => "field #" + Index,
        ValueKind.CallResult => "call #" + Index,
        _ => "new #" + Index,
    };
}

/// <summary>Helpers for the small origin sets a slot holds after branches merge.</summary>
public static class ValueSets
{
    /// <summary>More origins than this collapse to <see cref="ValueRef.Unknown"/> plus the first ones: precision is not worth the memory.</summary>
    public const int MaxOrigins = 6;

    public static readonly ValueRef[] Unknown = [ValueRef.Unknown];
    public static readonly ValueRef[] Null = [ValueRef.Null];

    public static ValueRef[] Of(ValueRef value) => value.Kind switch
    {
        ValueKind.Unknown => Unknown,
        ValueKind.Null => Null,
        _ => Single(value.Kind, value.Index),
    };

    /// <summary>Sets of one origin below this index are shared (per kind); above it each is its own array.</summary>
    private const int SharedSingles = 1024;

    private static readonly ValueRef[]?[][] Singles = [.. Enumerable.Range(0, (int)ValueKind.Allocation + 1).Select(_ => new ValueRef[]?[SharedSingles])];

    /// <summary>
    /// The set holding only <c>(kind, index)</c>. Sets are never written after they are made, so one array
    /// per origin serves every method on every thread: the facts of a large artifact hold ~120k call sites
    /// whose arguments are mostly such sets (fat-boot.jar), and each was an object the collector copied.
    /// </summary>
    public static ValueRef[] Single(ValueKind kind, int index)
    {
        if (kind == ValueKind.Unknown) return Unknown;
        if (kind == ValueKind.Null) return Null;
        if ((uint)index >= SharedSingles) return [new ValueRef(kind, index)];
        // A race makes two equal arrays, one of which is kept: harmless, as sets are compared by content.
        return Singles[(int)kind][index] ??= [new ValueRef(kind, index)];
    }

    public static ValueRef[] Union(ValueRef[] a, ValueRef[] b)
    {
        if (ReferenceEquals(a, b) || b.Length == 0) return a;
        if (a.Length == 0) return b;
        List<ValueRef>? merged = null;
        foreach (var value in b)
        {
            if (Array.IndexOf(a, value) >= 0 || (merged?.Contains(value) ?? false)) continue;
            merged ??= [.. a];
            if (merged.Count >= MaxOrigins)
            {
                if (!merged.Contains(ValueRef.Unknown)) merged[^1] = ValueRef.Unknown;
                break;
            }
            merged.Add(value);
        }
        return merged is null ? a : [.. merged];
    }

    private static readonly ValueRef[][]?[][] SingleArgumentLists = [.. Enumerable.Range(0, (int)ValueKind.Allocation + 1).Select(_ => new ValueRef[][]?[SharedSingles])];
    private static readonly ValueRef[][] UnknownArgument = [Unknown];
    private static readonly ValueRef[][] NullArgument = [Null];

    /// <summary>
    /// The argument list of a call with one argument (or only a receiver): shared when that argument is a
    /// shared set (<see cref="Single"/>), as <c>this.get()</c> or <c>call().next()</c> are in every method.
    /// Argument lists, like sets, are never written after the call is read.
    /// </summary>
    public static ValueRef[][] OneArgument(ValueRef[] argument)
    {
        if (ReferenceEquals(argument, Unknown)) return UnknownArgument;
        if (ReferenceEquals(argument, Null)) return NullArgument;
        if (argument.Length != 1) return [argument];
        var only = argument[0];
        if ((uint)only.Index < SharedSingles && ReferenceEquals(Singles[(int)only.Kind][only.Index], argument))
            return SingleArgumentLists[(int)only.Kind][only.Index] ??= [argument];
        return [argument];
    }

    /// <summary>True when every origin is <c>null</c> (the set is not empty).</summary>
    public static bool IsOnlyNull(ValueRef[] values) => values.Length > 0 && values.All(v => v.Kind == ValueKind.Null);
}
