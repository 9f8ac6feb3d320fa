using BytecodeLint.ClassFile;
using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// One invoke instruction: its target as written, the possible origins of every argument (the
/// receiver is argument 0 of a non-static call) and, for <c>invokedynamic</c> through
/// <c>LambdaMetafactory</c>, the lambda's implementation method (captured values are its first arguments).
/// </summary>
public sealed record CallSite(int Pc, int Line, Opcode Opcode, MethodKey Target, ValueRef[][] Arguments, MethodKey? LambdaImplementation)
{
    public bool HasReceiver => Opcode is Opcode.Invokevirtual or Opcode.Invokespecial or Opcode.Invokeinterface;

    /// <summary>Origins of the receiver, or empty for static calls and invokedynamic.</summary>
    public ValueRef[] Receiver => HasReceiver && Arguments.Length > 0 ? Arguments[0] : [];
}

/// <summary>
/// An object or array created in the method. <see cref="Contents"/> are the values it was built from:
/// the constructor arguments of an object (so a visitor wrapping a writer "contains" the writer), the
/// stored elements of an array, the captured values of a lambda.
/// </summary>
public sealed class Allocation(int pc, int line, string className, AllocationKind kind)
{
    public int Pc { get; } = pc;
    public int Line { get; } = line;

    /// <summary>Internal name of the class (for arrays, the array descriptor; for lambdas, the functional interface).</summary>
    public string ClassName { get; } = className;

    public AllocationKind Kind { get; } = kind;

    /// <summary>Index into <see cref="MethodFacts.Calls"/> of the <c>&lt;init&gt;</c> call that initialised the object, or -1.</summary>
    public int ConstructorCall { get; internal set; } = -1;

    public ValueRef[] Contents { get; internal set; } = [];
}

public enum AllocationKind : byte
{
    Object,
    Array,
    Lambda,
}

/// <summary>A <c>putfield</c>/<c>putstatic</c>: which field (index into <see cref="MethodFacts.Fields"/>) gets which values.</summary>
public readonly record struct FieldStore(int Pc, int Field, ValueRef[] Value);

/// <summary>
/// What one method does, extracted once while its class bytes are available: calls, allocations,
/// field reads/writes and returned values, each with the possible origins of the values involved.
/// Good enough to follow a value through a method and across calls; see <see cref="MethodFactsReader"/> for the limits.
/// </summary>
public sealed partial class MethodFacts
{
    internal MethodFacts(MethodKey method, AccessFlags flags, CallSite[] calls, Allocation[] allocations, FieldKey[] fields, FieldStore[] stores, ValueRef[] returns)
    {
        Method = method;
        AccessFlags = flags;
        Calls = calls;
        Allocations = allocations;
        Fields = fields;
        Stores = stores;
        Returns = returns;
        ArgumentCount = Descriptors.ArgumentSlots(method.Descriptor).Length + (IsStatic ? 0 : 1);
    }

    public MethodKey Method { get; }

    public AccessFlags AccessFlags { get; }

    public bool IsStatic => (AccessFlags & AccessFlags.Static) != 0;

    /// <summary>Arguments including <c>this</c> for instance methods: the valid <see cref="ValueKind.Param"/> indices.</summary>
    public int ArgumentCount { get; }

    public IReadOnlyList<CallSite> Calls { get; }

    public IReadOnlyList<Allocation> Allocations { get; }

    /// <summary>Fields this method reads or writes; <see cref="ValueKind.Field"/> values index this list.</summary>
    public IReadOnlyList<FieldKey> Fields { get; }

    public IReadOnlyList<FieldStore> Stores { get; }

    /// <summary>Possible origins of the values returned by <c>areturn</c>.</summary>
    public ValueRef[] Returns { get; }

    public override string ToString() => Method.ToString();
}

/// <summary>A declared method, with or without code (abstract and native methods have no <see cref="Facts"/>).</summary>
public sealed record DeclaredMethod(string Name, string Descriptor, AccessFlags AccessFlags, MethodFacts? Facts);

/// <summary>
/// What the call graph keeps of one class after its bytes are released: names of the class, its
/// superclass and interfaces, its declared fields and methods, the facts of every method with code,
/// and a location for findings (entry, source file) that rules complete with member, pc and line.
/// </summary>
public sealed record ClassFacts(
    string Name,
    string? SuperName,
    IReadOnlyList<string> Interfaces,
    AccessFlags AccessFlags,
    IReadOnlyList<DeclaredMethod> Methods,
    IReadOnlyList<(string Name, string Descriptor, AccessFlags Flags)> Fields,
    DiagnosticLocation Location)
{
    private DiagnosticLocation? _location = Location;
    private readonly string? _artifact;
    private readonly Inputs.ClassEntry? _entry;

    /// <summary>
    /// The hierarchy part of a class that is not read in depth (<see cref="ClassStub"/>): its location is made
    /// only when asked for. Every class of a large artifact has one (kotlin-compiler: 22k), and the location
    /// object with the entry's full path string, made for each, lived as long as the artifact.
    /// </summary>
    internal ClassFacts(string name, string? superName, IReadOnlyList<string> interfaces, AccessFlags accessFlags, string artifact, Inputs.ClassEntry entry)
        : this(name, superName, interfaces, accessFlags, [], [], null!)
    {
        _artifact = artifact;
        _entry = entry;
    }

    /// <summary>Where findings in this class point: the entry (and source file), completed by rules with member, pc and line.</summary>
    public DiagnosticLocation Location
    {
        // A race makes two equal locations, one of which is kept.
        get => _location ??= new DiagnosticLocation(_artifact!, _entry!.Location);
        init => _location = value;
    }

    public DeclaredMethod? FindMethod(string name, string descriptor)
    {
        foreach (var m in Methods)
            if (m.Name == name && m.Descriptor == descriptor) return m;
        return null;
    }

    /// <summary>A location at a member and pc of this class.</summary>
    public DiagnosticLocation LocationAt(MethodKey method, int pc, int line) =>
        Location with { Member = method.Name, MemberDescriptor = method.Descriptor, BytecodeOffset = pc, Line = line > 0 ? line : null };
}
