using System.Collections.Concurrent;
using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Flow;

/// <summary>
/// Decodes the constant-pool entries one class's code refers to, once per entry, and interns the
/// strings across the artifact so that thousands of call sites naming <c>java/lang/Object</c> share one string.
/// </summary>
internal sealed class ClassReadCache
{
    private readonly Dictionary<int, (MethodKey, int[], int)> _methods = [];
    private readonly Dictionary<int, FieldKey> _fields = [];
    private readonly Dictionary<int, string> _classes = [];
    private JavaClass _class = null!;
    private ConstantPool _pool = null!;
    private ConcurrentDictionary<string, string> _interner = null!;
    private AttributeReaders.BootstrapMethod[]? _bootstraps;
    private MethodFactsReader? _reader;

    /// <summary>The method reader that goes with this cache: reused method after method, class after class.</summary>
    internal MethodFactsReader Reader => _reader ??= new MethodFactsReader();

    public ClassReadCache(JavaClass @class, ConcurrentDictionary<string, string> interner) => Reset(@class, interner);

    private ClassReadCache() { }

    [ThreadStatic] private static ClassReadCache? t_reused;

    /// <summary>
    /// Runs <paramref name="read"/> with this thread's cache, reset for <paramref name="class"/>: its tables and
    /// its method reader keep their size from class to class (growing a fresh set for every class was 5 % of
    /// fat-boot.jar's allocations), and it lets go of the class when done.
    /// </summary>
    public static T With<T>(JavaClass @class, ConcurrentDictionary<string, string> interner, Func<ClassReadCache, T> read)
    {
        var cache = t_reused ?? new ClassReadCache();
        t_reused = null; // a read that nests (it should not) gets a cache of its own
        cache.Reset(@class, interner);
        try
        {
            return read(cache);
        }
        finally
        {
            cache.Reset(null!, null!);
            t_reused = cache;
        }
    }

    private void Reset(JavaClass @class, ConcurrentDictionary<string, string> interner)
    {
        _class = @class;
        _pool = @class?.ConstantPool!;
        _interner = interner;
        _bootstraps = null;
        _methods.Clear();
        _fields.Clear();
        _classes.Clear();
    }

    public string Intern(string value) => _interner.GetOrAdd(value, value);

    public string Utf8(Utf8Handle handle) => Intern(_pool, handle, _interner);

    public string ClassName(int index)
    {
        if (!_classes.TryGetValue(index, out var name))
            _classes[index] = name = ClassName(_pool, _pool.AsClass(index), _interner);
        return name;
    }

    /// <summary>A class constant's name, decoded and interned, without a per-class cache (for code that reads a handful of names per class).</summary>
    public static string ClassName(ConstantPool pool, ClassHandle handle, ConcurrentDictionary<string, string> interner) =>
        Intern(pool, pool.GetClassName(handle), interner);

    /// <summary>
    /// A Utf8 constant as the interned string. Most names are already interned (every class names
    /// java/lang/Object, its superclass, common descriptors): an ASCII name is looked up by its
    /// characters on the stack, and a string is only made for a name not seen before.
    /// </summary>
    private static string Intern(ConstantPool pool, Utf8Handle handle, ConcurrentDictionary<string, string> interner)
    {
        var bytes = pool.GetUtf8Bytes(handle);
        if (bytes.Length <= 256 && System.Text.Ascii.IsValid(bytes))
        {
            Span<char> chars = stackalloc char[bytes.Length];
            System.Text.Ascii.ToUtf16(bytes, chars, out _);
            if (interner.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var known)) return known;
            string fresh = new(chars);
            return interner.GetOrAdd(fresh, fresh);
        }
        string name = ModifiedUtf8.Decode(bytes);
        return interner.GetOrAdd(name, name);
    }

    public (MethodKey Key, int[] ArgumentSlots, int ReturnSlots) Method(int index)
    {
        if (_methods.TryGetValue(index, out var cached)) return cached;
        var member = _pool.GetMemberRef(_pool.AsMemberRef(index));
        var nameAndType = _pool.GetNameAndType(member.NameAndType);
        var key = new MethodKey(ClassName(member.Class.Index), Utf8(nameAndType.Name), Utf8(nameAndType.Descriptor));
        var result = (key, Descriptors.ArgumentSlots(key.Descriptor), Descriptors.ReturnSlots(key.Descriptor));
        _methods[index] = result;
        return result;
    }

    public FieldKey Field(int index)
    {
        if (_fields.TryGetValue(index, out var cached)) return cached;
        var member = _pool.GetMemberRef(_pool.AsMemberRef(index));
        var nameAndType = _pool.GetNameAndType(member.NameAndType);
        var key = new FieldKey(ClassName(member.Class.Index), Utf8(nameAndType.Name), Utf8(nameAndType.Descriptor));
        _fields[index] = key;
        return key;
    }

    /// <summary>An invokedynamic call site: its name and descriptor, and the lambda implementation when the bootstrap is <c>LambdaMetafactory</c>.</summary>
    public (MethodKey Key, int[] ArgumentSlots, int ReturnSlots, MethodKey? Implementation) Dynamic(int index)
    {
        var dynamic = _pool.GetDynamic(index);
        var nameAndType = _pool.GetNameAndType(dynamic.NameAndType);
        var key = new MethodKey("java/lang/invoke/LambdaMetafactory", Utf8(nameAndType.Name), Utf8(nameAndType.Descriptor));
        return (key, Descriptors.ArgumentSlots(key.Descriptor), Descriptors.ReturnSlots(key.Descriptor), LambdaImplementation(dynamic.BootstrapMethodIndex));
    }

    private MethodKey? LambdaImplementation(int bootstrapIndex)
    {
        _bootstraps ??= _class.Attributes.Find(AttributeKind.BootstrapMethods) is { } attribute ? AttributeReaders.ReadBootstrapMethods(attribute) : [];
        if ((uint)bootstrapIndex >= (uint)_bootstraps.Length) return null;
        var bootstrap = _bootstraps[bootstrapIndex];
        var factory = _pool.GetMemberRef(_pool.GetMethodHandle(bootstrap.MethodHandleIndex).Reference);
        if (!_pool.ClassNameEquals(factory.Class, "java/lang/invoke/LambdaMetafactory"u8)) return null;
        // metafactory(…, MethodType samType, MethodHandle implementation, MethodType instantiated): the handle is argument 1.
        if (bootstrap.Arguments.Length < 2 || _pool.KindAt(bootstrap.Arguments[1]) != ConstantKind.MethodHandle) return null;
        var target = _pool.GetMemberRef(_pool.GetMethodHandle(bootstrap.Arguments[1]).Reference);
        var nameAndType = _pool.GetNameAndType(target.NameAndType);
        return new MethodKey(ClassName(target.Class.Index), Utf8(nameAndType.Name), Utf8(nameAndType.Descriptor));
    }
}
