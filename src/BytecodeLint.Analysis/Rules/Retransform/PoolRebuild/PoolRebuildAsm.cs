using BytecodeLint.Analysis.Flow;

namespace BytecodeLint.Analysis.Rules.Retransform.PoolRebuild;

/// <summary>How a ClassWriter construction starts its constant pool.</summary>
internal enum PoolStart
{
    /// <summary>Empty pool, numbered in visiting order: <c>ClassWriter(int)</c> or a null reader.</summary>
    Fresh,

    /// <summary>The reader's pool is copied and new entries appended.</summary>
    Preserved,

    /// <summary>Not decidable here (constructor outside the artifact, unusual descriptor).</summary>
    Unknown,
}

/// <summary>
/// Recognises ASM's ClassWriter and ClassReader in any package (docs/design/hotspot.md §3: ASM is usually
/// shaded) and classifies writer constructions. Inside the artifact a writer is recognised by
/// shape, because shading renames packages but not members: it extends a <c>…/ClassVisitor</c>,
/// has <c>toByteArray()[B</c>, a <c>(I)V</c> constructor and a <c>(LR;I)V</c> constructor whose
/// <c>R</c> is then the reader. Outside the artifact only the name can tell: a class
/// <c>ClassWriter</c>/<c>ClassReader</c> in a package whose last segment is <c>asm</c>, or <c>asm</c> and a version
/// (<c>org/objectweb/asm</c>, <c>org/apache/xbean/asm5</c>, <c>net/bytebuddy/jar/asm</c>, <c>jdk/internal/org/objectweb/asm</c>, …).
/// </summary>
internal sealed class PoolRebuildAsm
{
    private const int MaxDepth = 16;
    private readonly ArtifactCallGraph _graph;
    private readonly HashSet<string> _writers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readers = new(StringComparer.Ordinal);
    private readonly List<string> _libraryPackages = [];
    private readonly bool _subclasses;

    /// <param name="graph">The artifact.</param>
    /// <param name="writerSubclasses">Recognise subclasses of the writer (see <see cref="PoolRebuildResolution.WriterSubclasses"/>).</param>
    public PoolRebuildAsm(ArtifactCallGraph graph, bool writerSubclasses = true)
    {
        _graph = graph;
        _subclasses = writerSubclasses;
        foreach (var c in graph.Classes.Values)
        {
            if (!LooksLikeWriter(c, out var reader)) continue;
            _writers.Add(c.Name);
            _readers.Add(reader);
            // A copy of ASM itself (writer, reader and visitor in one package) is library code: its
            // internals (ClassWriter(int) → this(null, flags), replaceAsmInstructions) are not findings.
            string package = Package(c.Name);
            if (Package(reader) == package && c.SuperName is { } super && Package(super) == package && !_libraryPackages.Contains(package + "/"))
                _libraryPackages.Add(package + "/");
        }
    }

    /// <summary>Packages (with trailing slash) holding a copy of ASM; classes under them, subpackages included, are library code.</summary>
    public IReadOnlyList<string> LibraryPackages => _libraryPackages;

    public bool IsLibrary(string className)
    {
        foreach (var prefix in _libraryPackages)
            if (className.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    public bool IsWriterBase(string name) => _writers.Contains(name) || (_graph.FindClass(name) is null && IsAsmName(name, "ClassWriter"));

    public bool IsReaderBase(string name) => _readers.Contains(name) || (_graph.FindClass(name) is null && IsAsmName(name, "ClassReader"));

    /// <summary>A writer or a subclass of one (through superclasses in the artifact), the latter unless subclasses are switched off.</summary>
    public bool IsWriterType(string name) => _subclasses ? Memo(_writerTypes, name, IsWriterBase) : IsWriterBase(name);

    public bool IsReaderType(string name) => Memo(_readerTypes, name, IsReaderBase);

    // Asked for every allocation and call of the analysed methods, mostly about the same few names.
    private readonly Dictionary<string, bool> _writerTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _readerTypes = new(StringComparer.Ordinal);

    private bool Memo(Dictionary<string, bool> memo, string name, Func<string, bool> isBase)
    {
        if (!memo.TryGetValue(name, out bool result)) memo[name] = result = ExtendsWhere(name, isBase);
        return result;
    }

    /// <summary>
    /// Classifies <c>new owner(descriptor)</c> with the given argument origins (receiver first) by
    /// following the constructor's <c>super(…)</c>/<c>this(…)</c> call down to ASM's ClassWriter,
    /// substituting the site's arguments for the constructors' parameters on the way. The chain
    /// lists each constructor passed through, for the message.
    /// </summary>
    public (PoolStart Start, List<string> Chain) Classify(string owner, string descriptor, ValueRef[][] arguments)
    {
        var chain = new List<string>();
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            chain.Add(Simple(owner) + ParameterList(descriptor));
            if (IsWriterBase(owner)) return (ClassifyBase(descriptor, arguments), chain);
            if (!_subclasses) return (PoolStart.Unknown, chain);
            var facts = _graph.FindMethod(new MethodKey(owner, "<init>", descriptor));
            var @class = _graph.FindClass(owner);
            if (facts is null || @class is null) return (PoolStart.Unknown, chain);
            var delegation = facts.Calls.FirstOrDefault(call =>
                call.Opcode == ClassFile.Opcode.Invokespecial && call.Target.Name == "<init>"
                && (call.Target.Owner == @class.SuperName || call.Target.Owner == owner)
                && call.Receiver.Contains(new ValueRef(ValueKind.Param, 0)));
            if (delegation is null) return (PoolStart.Unknown, chain);
            var mapped = new ValueRef[delegation.Arguments.Length][];
            for (int i = 0; i < mapped.Length; i++) mapped[i] = Substitute(delegation.Arguments[i], arguments);
            owner = delegation.Target.Owner;
            descriptor = delegation.Target.Descriptor;
            arguments = mapped;
        }
        return (PoolStart.Unknown, chain);
    }

    private PoolStart ClassifyBase(string descriptor, ValueRef[][] arguments)
    {
        // ASM ≥ 3: (I)V; ASM 2.x: (Z)V and (ZZ)V. All start from an empty pool.
        if (descriptor is "(I)V" or "(Z)V" or "(ZZ)V") return PoolStart.Fresh;
        var types = Descriptors.ArgumentClassNames(descriptor);
        if (types.Length >= 2 && types[0] is { } readerType && IsReaderType(readerType))
            return arguments.Length > 1 && ValueSets.IsOnlyNull(arguments[1]) ? PoolStart.Fresh : PoolStart.Preserved;
        return PoolStart.Unknown;
    }

    /// <summary>Replaces the constructor's own parameters (Param j) by the caller's argument origins.</summary>
    private static ValueRef[] Substitute(ValueRef[] inner, ValueRef[][] outer)
    {
        var result = Array.Empty<ValueRef>();
        foreach (var value in inner)
            result = ValueSets.Union(result, value.Kind == ValueKind.Param && value.Index < outer.Length ? outer[value.Index] : ValueSets.Of(value));
        return result;
    }

    private bool ExtendsWhere(string name, Func<string, bool> predicate)
    {
        string? current = name;
        for (int depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            if (predicate(current)) return true;
            current = _graph.FindClass(current)?.SuperName;
        }
        return false;
    }

    private static bool LooksLikeWriter(ClassFacts c, out string reader)
    {
        reader = "";
        bool visitorParent = c.SuperName is { } s && s.EndsWith("/ClassVisitor", StringComparison.Ordinal)
            || c.Interfaces.Any(i => i.EndsWith("/ClassVisitor", StringComparison.Ordinal)); // ASM 3.x: ClassVisitor was an interface
        if (!visitorParent || c.FindMethod("toByteArray", "()[B") is null) return false;
        if (c.FindMethod("<init>", "(I)V") is null && c.FindMethod("<init>", "(Z)V") is null) return false;
        foreach (var m in c.Methods)
        {
            if (m.Name != "<init>") continue;
            var types = Descriptors.ArgumentClassNames(m.Descriptor);
            // (LReader;I)V since ASM 3.0, (LReader;Z)V in ASM 2.2–2.x.
            if (types.Length == 2 && types[0] is { } r && (m.Descriptor.EndsWith(";I)V", StringComparison.Ordinal) || m.Descriptor.EndsWith(";Z)V", StringComparison.Ordinal)))
            {
                reader = r;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// <c>…/asm/ClassWriter</c>, or a versioned shading such as Apache XBean's <c>org/apache/xbean/asm5/ClassWriter</c>
    /// (OpenJPA, OpenEJB, TomEE): the last package segment is <c>asm</c>, optionally followed by digits.
    /// </summary>
    private static bool IsAsmName(string name, string simple)
    {
        if (!name.EndsWith(simple, StringComparison.Ordinal)) return false;
        int slash = name.Length - simple.Length - 1;
        if (slash < 3 || name[slash] != '/') return false;
        int end = slash;
        while (end > 0 && char.IsAsciiDigit(name[end - 1])) end--;
        return end >= 4 && name.AsSpan(end - 4, 4).SequenceEqual("/asm");
    }

    private static string Package(string name)
    {
        int slash = name.LastIndexOf('/');
        return slash < 0 ? "" : name[..slash];
    }

    internal static string Simple(string name) => name[(name.LastIndexOf('/') + 1)..];

    /// <summary><c>(Lorg/objectweb/asm/ClassReader;I)V</c> → <c>(ClassReader, int)</c>.</summary>
    internal static string ParameterList(string descriptor)
    {
        var names = new List<string>();
        int i = 1;
        while (i < descriptor.Length && descriptor[i] != ')')
        {
            int dims = 0;
            while (descriptor[i] == '[') { dims++; i++; }
            string name;
            if (descriptor[i] == 'L')
            {
                int end = descriptor.IndexOf(';', i);
                name = Simple(descriptor.Substring(i + 1, end - i - 1));
                i = end + 1;
            }
            else
            {
                name = descriptor[i] switch
                {
                    'I' => "int", 'Z' => "boolean", 'J' => "long", 'B' => "byte", 'C' => "char", 'S' => "short", 'F' => "float", 'D' => "double", _ => "?",
                };
                i++;
            }
            names.Add(name + string.Concat(Enumerable.Repeat("[]", dims)));
        }
        return "(" + string.Join(", ", names) + ")";
    }
}
