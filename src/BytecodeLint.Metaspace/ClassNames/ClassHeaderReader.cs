using BytecodeLint.ClassFile;

namespace BytecodeLint.Metaspace.ClassNames;

/// <summary>
/// A class file's <c>constant_pool_count</c> and <c>this_class</c> name, read with the ClassFile reader
/// (its parse computes the pool offsets once and decodes nothing else), to name unnamed redefinitions
/// in a log by their pool length.
/// </summary>
public static class ClassHeaderReader
{
    /// <summary>The dotted class name and pool count, or null when the bytes are not a readable class file.</summary>
    public static (string Name, int PoolCount)? TryRead(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var parsed = JavaClass.Parse(bytes);
            return (parsed.Name.Replace('/', '.'), parsed.ConstantPool.Count);
        }
        catch (ClassFormatException)
        {
            return null;
        }
    }
}
