using BytecodeLint.ClassFile;

namespace BytecodeLint.Analysis.Inventory;

/// <summary>
/// Counts one class at a time into an <see cref="InventoryCounts"/>: methods, Code attributes,
/// <c>ldc</c> opcodes, StackMapTable sizes, Throwable handlers with their lines, and ASM
/// <c>ClassWriter</c> constructor sites. One instance per thread: it keeps scratch buffers so the
/// walk allocates nothing per method or instruction (only Throwable handlers decode strings).
/// The walk checks what it reads (instruction operands, debug-table pcs) like ASM's
/// <c>ClassReader</c> does, so a class counts as parsed exactly when nothing here throws.
/// </summary>
public sealed class ClassInventory
{
    private const int StackMapTableLimit = 16 * 1024;

    private readonly InventoryCounts _tally = new();
    private readonly List<ThrowableHandlerDetail> _pendingDetails = [];
    private int[] _pendingNews = new int[16]; // Class indices of `new`s whose <init> has not been called yet, innermost last
    private bool[] _instructionStarts = new bool[256];
    private int[] _throwableHandlers = new int[8];

    /// <summary>
    /// Walks <paramref name="javaClass"/> and, if that succeeds, adds its counts to <paramref name="into"/>
    /// (and its Throwable handlers to <paramref name="details"/> when given).
    /// </summary>
    /// <exception cref="ClassFormatException">The class is malformed; nothing was added.</exception>
    public void Count(JavaClass javaClass, bool isVersioned, InventoryCounts into, string location = "", List<ThrowableHandlerDetail>? details = null)
    {
        var tally = _tally;
        Clear(tally);
        _pendingDetails.Clear();
        var pool = javaClass.ConstantPool;

        tally.ClassEntries = 0;
        tally.Classes = 1;
        if (isVersioned) tally.VersionedClasses = 1;
        tally.AddMajorVersion(javaClass.MajorVersion);
        if (pool.Count > 256) tally.ConstantPoolsOver256 = 1;
        tally.Methods = javaClass.MethodCount;

        long intSites = 0, readerSites = 0, newIntSites = 0, newReaderSites = 0;
        foreach (var method in javaClass.Methods)
        {
            foreach (var attribute in method.Attributes)
            {
                if (attribute.Kind != AttributeKind.Code) continue;
                var code = CodeAttribute.Read(attribute);
                tally.MethodsWithCode++;
                var sites = CountCode(javaClass, method, code, tally, location, details != null);
                intSites += sites.Int;
                readerSites += sites.Reader;
                newIntSites += sites.NewInt;
                newReaderSites += sites.NewReader;
            }
        }
        tally.ClassWriterIntSites = intSites;
        tally.ClassWriterReaderSites = readerSites;
        tally.ClassWriterNewIntSites = newIntSites;
        tally.ClassWriterNewReaderSites = newReaderSites;
        tally.ClassWriterIntClasses = intSites > 0 ? 1 : 0;
        tally.ClassWriterReaderClasses = readerSites > 0 ? 1 : 0;
        tally.ClassWriterNewIntClasses = newIntSites > 0 ? 1 : 0;
        tally.ClassWriterNewReaderClasses = newReaderSites > 0 ? 1 : 0;

        into.Add(tally);
        details?.AddRange(_pendingDetails);
    }

    private readonly record struct SiteCounts(int Int, int Reader, int NewInt, int NewReader);

    private SiteCounts CountCode(JavaClass javaClass, MemberInfo method, CodeAttribute code, InventoryCounts tally, string location, bool wantDetails)
    {
        var pool = javaClass.ConstantPool;
        int codeLength = code.CodeLength;

        // Throwable handlers first: only methods that have one need the instruction-start map.
        int throwableCount = 0;
        int handlerCount = code.ExceptionHandlerCount;
        for (int i = 0; i < handlerCount; i++)
        {
            var handler = code.GetExceptionHandler(i);
            if (!handler.CatchType.IsNil && pool.ClassNameEquals(handler.CatchType, "java/lang/Throwable"u8))
            {
                if (throwableCount == _throwableHandlers.Length) Array.Resize(ref _throwableHandlers, throwableCount * 2);
                _throwableHandlers[throwableCount++] = i;
            }
        }
        bool[]? starts = null;
        if (throwableCount > 0)
        {
            if (_instructionStarts.Length < codeLength + 1) _instructionStarts = new bool[Math.Max(codeLength + 1, _instructionStarts.Length * 2)];
            starts = _instructionStarts;
            Array.Clear(starts, 0, codeLength + 1);
        }

        long ldc = 0, ldcW = 0, ldc2W = 0;
        int intSites = 0, readerSites = 0, newIntSites = 0, newReaderSites = 0;
        int pendingNews = 0;
        var cursor = code.GetInstructions();
        while (cursor.MoveNext())
        {
            if (starts != null) starts[cursor.Offset] = true;
            switch (cursor.Opcode)
            {
                case Opcode.Ldc:
                    ldc++;
                    RequireLoadable(pool, cursor.ConstantIndex, code.CodeOffset + cursor.Offset + 1);
                    break;
                case Opcode.LdcW:
                    ldcW++;
                    RequireLoadable(pool, cursor.ConstantIndex, code.CodeOffset + cursor.Offset + 1);
                    break;
                case Opcode.Ldc2W:
                    ldc2W++;
                    RequireLoadable(pool, cursor.ConstantIndex, code.CodeOffset + cursor.Offset + 1);
                    break;
                case Opcode.New:
                {
                    int classIndex = cursor.ConstantIndex;
                    pool.RequireIndex(classIndex, ConstantKind.Class, code.CodeOffset + cursor.Offset + 1);
                    if (pendingNews == _pendingNews.Length) Array.Resize(ref _pendingNews, pendingNews * 2);
                    _pendingNews[pendingNews++] = classIndex;
                    break;
                }
                case Opcode.Invokespecial:
                {
                    int index = cursor.ConstantIndex;
                    int at = code.CodeOffset + cursor.Offset + 1;
                    if (pool.KindAt(index) is not (ConstantKind.Methodref or ConstantKind.InterfaceMethodref))
                        throw new ClassFormatException(at, $"a Methodref or InterfaceMethodref operand of invokespecial, found {pool.KindAt(index)} at #{index}", index);
                    var member = pool.GetMemberRef(new MemberRefHandle(index));
                    var nameAndType = pool.GetNameAndType(member.NameAndType);
                    if (!pool.Utf8Equals(nameAndType.Name, "<init>"u8)) break;
                    // new … invokespecial <init> pairs nest in bytecode order; an <init> that does not close the
                    // innermost pending `new` of its owner is a this(…)/super(…) delegation (PeerScan's rule).
                    bool fromNew = pendingNews > 0 && SameClassName(pool, _pendingNews[pendingNews - 1], member.Class.Index);
                    if (fromNew) pendingNews--;
                    if (!ClassWriterNames.IsClassWriterOwner(pool.GetUtf8Bytes(pool.GetClassName(member.Class)))) break;
                    var descriptor = pool.GetUtf8Bytes(nameAndType.Descriptor);
                    if (ClassWriterNames.IsIntDescriptor(descriptor))
                    {
                        intSites++;
                        if (fromNew) newIntSites++;
                    }
                    else if (ClassWriterNames.IsReaderIntDescriptor(descriptor))
                    {
                        readerSites++;
                        if (fromNew) newReaderSites++;
                    }
                    break;
                }
                default:
                    int operand = cursor.ConstantIndex;
                    if (operand >= 0) RequireOperand(pool, cursor.Opcode, operand, code.CodeOffset + cursor.Offset + 1);
                    break;
            }
        }
        tally.Ldc += ldc;
        tally.LdcW += ldcW;
        tally.Ldc2W += ldc2W;

        bool bigStackMap = false;
        foreach (var attribute in code.Attributes)
        {
            switch (attribute.Kind)
            {
                case AttributeKind.StackMapTable:
                    if (attribute.Length > tally.MaxStackMapTableLength) tally.MaxStackMapTableLength = attribute.Length;
                    if (attribute.Length > StackMapTableLimit && !bigStackMap)
                    {
                        bigStackMap = true;
                        tally.StackMapTablesOver16K++;
                    }
                    break;
                case AttributeKind.LineNumberTable:
                    CheckLineNumberPcs(new LineNumberTable(attribute), attribute, codeLength);
                    break;
                case AttributeKind.LocalVariableTable:
                    CheckLocalVariablePcs(new LocalVariableTable(attribute), attribute, codeLength);
                    break;
            }
        }

        if (throwableCount > 0)
        {
            tally.ThrowableHandlerMethods++;
            tally.ThrowableHandlers += throwableCount;
            string className = javaClass.Name, methodName = method.NameString, descriptor = method.DescriptorString;
            for (int t = 0; t < throwableCount; t++)
            {
                var handler = code.GetExceptionHandler(_throwableHandlers[t]);
                int? line = starts![handler.HandlerPc] ? LineAt(code, handler.HandlerPc, starts) : null;
                unchecked { tally.ThrowableHandlerLineHash += HandlerLineHash.Of(className, methodName, descriptor, handler.Index, line); }
                if (wantDetails)
                    _pendingDetails.Add(new ThrowableHandlerDetail(location, className, methodName, descriptor, handler.Index, handler.HandlerPc, line ?? -1));
            }
        }
        return new SiteCounts(intSites, readerSites, newIntSites, newReaderSites);
    }

    /// <summary>
    /// The line in effect at <paramref name="pc"/>: among instruction-start pcs ≤ pc that carry a
    /// non-zero line entry, the greatest; its last entry in table order (over every LineNumberTable).
    /// Leading zero entries at a pc are ignored because ASM treats line 0 as "no line yet"; −1 if none.
    /// </summary>
    internal static int LineAt(CodeAttribute code, int pc, bool[] instructionStarts)
    {
        int bestPc = -1;
        foreach (var attribute in code.Attributes)
        {
            if (attribute.Kind != AttributeKind.LineNumberTable) continue;
            var table = new LineNumberTable(attribute);
            for (int i = 0; i < table.Count; i++)
            {
                var (startPc, line) = table[i];
                if (line != 0 && startPc <= pc && startPc > bestPc && instructionStarts[startPc]) bestPc = startPc;
            }
        }
        if (bestPc < 0) return -1;
        int result = -1;
        foreach (var attribute in code.Attributes)
        {
            if (attribute.Kind != AttributeKind.LineNumberTable) continue;
            var table = new LineNumberTable(attribute);
            for (int i = 0; i < table.Count; i++)
            {
                var (startPc, line) = table[i];
                if (startPc == bestPc) result = line;
            }
        }
        return result;
    }

    private static bool SameClassName(ConstantPool pool, int a, int b) =>
        a == b || pool.Utf8Equals(pool.GetClassName(new ClassHandle(a)), pool.GetUtf8Bytes(pool.GetClassName(new ClassHandle(b))));

    private static void RequireLoadable(ConstantPool pool, int index, int at)
    {
        var kind = pool.KindAt(index);
        if (kind is not (ConstantKind.Integer or ConstantKind.Float or ConstantKind.Long or ConstantKind.Double or ConstantKind.Class
            or ConstantKind.String or ConstantKind.MethodType or ConstantKind.MethodHandle or ConstantKind.Dynamic))
            throw new ClassFormatException(at, $"a loadable constant as ldc operand, found {kind} at #{index}", index);
    }

    private static void RequireOperand(ConstantPool pool, Opcode opcode, int index, int at)
    {
        var kind = pool.KindAt(index);
        bool ok = opcode switch
        {
            Opcode.Getstatic or Opcode.Putstatic or Opcode.Getfield or Opcode.Putfield => kind == ConstantKind.Fieldref,
            Opcode.Invokevirtual or Opcode.Invokestatic => kind is ConstantKind.Methodref or ConstantKind.InterfaceMethodref,
            Opcode.Invokeinterface => kind == ConstantKind.InterfaceMethodref,
            Opcode.Invokedynamic => kind == ConstantKind.InvokeDynamic,
            _ => kind == ConstantKind.Class, // anewarray, checkcast, instanceof, multianewarray
        };
        if (!ok) throw new ClassFormatException(at, $"a constant of the kind {opcode} needs, found {kind} at #{index}", index);
    }

    // ASM creates a label at every line-number start_pc; one past the code end makes it fail.
    private static void CheckLineNumberPcs(LineNumberTable table, AttributeInfo attribute, int codeLength)
    {
        for (int i = 0; i < table.Count; i++)
        {
            if (table[i].StartPc > codeLength)
                throw new ClassFormatException(attribute.DataOffset + 2 + 4 * i, $"a line-number start_pc ≤ code_length ({codeLength}), found {table[i].StartPc}");
        }
    }

    // Likewise for local-variable ranges: start_pc and start_pc + length must lie within the code (end inclusive).
    private static void CheckLocalVariablePcs(LocalVariableTable table, AttributeInfo attribute, int codeLength)
    {
        for (int i = 0; i < table.Count; i++)
        {
            var entry = table[i];
            if (entry.StartPc + entry.Length > codeLength)
                throw new ClassFormatException(attribute.DataOffset + 2 + 10 * i, $"a local-variable range within the code (≤ {codeLength}), found {entry.StartPc}+{entry.Length}");
        }
    }

    private static void Clear(InventoryCounts counts) => counts.Reset();
}
