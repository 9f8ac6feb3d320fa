namespace BytecodeLint.Analysis.Inventory;

/// <summary>
/// The numbers <c>bytecodelint inspect</c> reports for one input (or the total). Every field is a
/// sum, a maximum, a minimum or a wrapping sum of hashes, so counts gathered by several threads
/// and merged with <see cref="Add"/> are the same whatever the split.
/// Field definitions: issue 2, deliverable 4 (and <c>shared/bench/PeerScan.java</c>).
/// </summary>
public sealed class InventoryCounts
{
    private int _minMajor = int.MaxValue;

    /// <summary>Non-directory entries or files whose name ends in <c>.class</c>.</summary>
    public long ClassEntries { get; set; }

    /// <summary>Class entries that were read, parsed and walked without a format error.</summary>
    public long Classes { get; set; }

    public long ParseErrors => ClassEntries - Classes;

    /// <summary>Sum of the uncompressed sizes of the class entries.</summary>
    public long ClassBytes { get; set; }

    /// <summary>Nested <c>*.jar</c> entries opened, at any depth.</summary>
    public long NestedJars { get; set; }

    /// <summary>Parsed classes whose entry path (or enclosing nested jar) lies under <c>META-INF/versions/</c>.</summary>
    public long VersionedClasses { get; set; }

    /// <summary>Smallest major version of a parsed class; 0 when no class parsed.</summary>
    public int MinMajor => Classes == 0 || _minMajor == int.MaxValue ? 0 : _minMajor;

    public int MaxMajor { get; private set; }

    /// <summary>Sum of <c>methods_count</c>.</summary>
    public long Methods { get; set; }

    /// <summary>Code attributes of methods.</summary>
    public long MethodsWithCode { get; set; }

    /// <summary>Exception-table entries whose catch type is exactly <c>java/lang/Throwable</c>.</summary>
    public long ThrowableHandlers { get; set; }

    /// <summary>Methods (Code attributes) with at least one Throwable handler.</summary>
    public long ThrowableHandlerMethods { get; set; }

    public long Ldc { get; set; }

    public long LdcW { get; set; }

    public long Ldc2W { get; set; }

    /// <summary>Methods with a StackMapTable whose <c>attribute_length</c> exceeds 16384.</summary>
    public long StackMapTablesOver16K { get; set; }

    /// <summary>Largest StackMapTable <c>attribute_length</c>.</summary>
    public long MaxStackMapTableLength { get; set; }

    /// <summary>Classes whose raw <c>constant_pool_count</c> exceeds 256.</summary>
    public long ConstantPoolsOver256 { get; set; }

    /// <summary><c>invokespecial ClassWriter.&lt;init&gt;(I)V</c> sites, delegation included.</summary>
    public long ClassWriterIntSites { get; set; }

    /// <summary><c>invokespecial ClassWriter.&lt;init&gt;(L…/ClassReader;I)V</c> sites, delegation included.</summary>
    public long ClassWriterReaderSites { get; set; }

    /// <summary>Int sites whose receiver is a <c>new</c> of the same class in the same method.</summary>
    public long ClassWriterNewIntSites { get; set; }

    /// <summary>Reader sites whose receiver is a <c>new</c> of the same class in the same method.</summary>
    public long ClassWriterNewReaderSites { get; set; }

    public long ClassWriterIntClasses { get; set; }

    public long ClassWriterReaderClasses { get; set; }

    public long ClassWriterNewIntClasses { get; set; }

    public long ClassWriterNewReaderClasses { get; set; }

    /// <summary>Σ FNV-1a-64 of <c>&lt;class&gt;.&lt;name&gt;&lt;descriptor&gt;#&lt;k&gt;:&lt;line&gt;</c> over every Throwable handler, mod 2^64.</summary>
    public ulong ThrowableHandlerLineHash { get; set; }

    /// <summary>The line hash as PeerScan prints it: 16 lowercase hex digits.</summary>
    public string ThrowableHandlerLineHashHex => ThrowableHandlerLineHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Records the major version of one parsed class.</summary>
    public void AddMajorVersion(int major)
    {
        if (major < _minMajor) _minMajor = major;
        if (major > MaxMajor) MaxMajor = major;
    }

    /// <summary>Sets every field back to zero (for per-class scratch tallies).</summary>
    internal void Reset()
    {
        ClassEntries = Classes = ClassBytes = NestedJars = VersionedClasses = 0;
        _minMajor = int.MaxValue;
        MaxMajor = 0;
        Methods = MethodsWithCode = ThrowableHandlers = ThrowableHandlerMethods = Ldc = LdcW = Ldc2W = 0;
        StackMapTablesOver16K = MaxStackMapTableLength = ConstantPoolsOver256 = 0;
        ClassWriterIntSites = ClassWriterReaderSites = ClassWriterNewIntSites = ClassWriterNewReaderSites = 0;
        ClassWriterIntClasses = ClassWriterReaderClasses = ClassWriterNewIntClasses = ClassWriterNewReaderClasses = 0;
        ThrowableHandlerLineHash = 0;
    }

    /// <summary>Adds <paramref name="other"/> into this object (sums, max, min, wrapping hash sum).</summary>
    public void Add(InventoryCounts other)
    {
        ClassEntries += other.ClassEntries;
        Classes += other.Classes;
        ClassBytes += other.ClassBytes;
        NestedJars += other.NestedJars;
        VersionedClasses += other.VersionedClasses;
        if (other._minMajor < _minMajor) _minMajor = other._minMajor;
        if (other.MaxMajor > MaxMajor) MaxMajor = other.MaxMajor;
        Methods += other.Methods;
        MethodsWithCode += other.MethodsWithCode;
        ThrowableHandlers += other.ThrowableHandlers;
        ThrowableHandlerMethods += other.ThrowableHandlerMethods;
        Ldc += other.Ldc;
        LdcW += other.LdcW;
        Ldc2W += other.Ldc2W;
        StackMapTablesOver16K += other.StackMapTablesOver16K;
        MaxStackMapTableLength = Math.Max(MaxStackMapTableLength, other.MaxStackMapTableLength);
        ConstantPoolsOver256 += other.ConstantPoolsOver256;
        ClassWriterIntSites += other.ClassWriterIntSites;
        ClassWriterReaderSites += other.ClassWriterReaderSites;
        ClassWriterNewIntSites += other.ClassWriterNewIntSites;
        ClassWriterNewReaderSites += other.ClassWriterNewReaderSites;
        ClassWriterIntClasses += other.ClassWriterIntClasses;
        ClassWriterReaderClasses += other.ClassWriterReaderClasses;
        ClassWriterNewIntClasses += other.ClassWriterNewIntClasses;
        ClassWriterNewReaderClasses += other.ClassWriterNewReaderClasses;
        unchecked { ThrowableHandlerLineHash += other.ThrowableHandlerLineHash; }
    }
}
