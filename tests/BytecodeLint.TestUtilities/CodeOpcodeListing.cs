using System.Globalization;

namespace BytecodeLint.TestUtilities;

/// <summary>
/// Mnemonics and operand sizes of the JVM opcodes, typed from JVMS chapter 7 (Opcode Mnemonics by Opcode)
/// and the "Format" paragraph of each instruction in §6.5. Kept as text, and as operand-byte counts rather
/// than instruction lengths, so that it is an independent oracle for the product's opcode table.
/// </summary>
public static class CodeOpcodeListing
{
    /// <summary>One defined opcode: its byte, JVMS mnemonic and operand bytes after the opcode (null when variable).</summary>
    public readonly record struct Entry(byte Value, string Mnemonic, int? OperandBytes);

    // "mnemonic hex operand-bytes"; * = variable (switch padding and tables, wide's modified instruction).
    private const string Text = """
        nop 00 0         aconst_null 01 0  iconst_m1 02 0   iconst_0 03 0   iconst_1 04 0   iconst_2 05 0
        iconst_3 06 0    iconst_4 07 0     iconst_5 08 0    lconst_0 09 0   lconst_1 0a 0   fconst_0 0b 0
        fconst_1 0c 0    fconst_2 0d 0     dconst_0 0e 0    dconst_1 0f 0   bipush 10 1     sipush 11 2
        ldc 12 1         ldc_w 13 2        ldc2_w 14 2
        iload 15 1       lload 16 1        fload 17 1       dload 18 1      aload 19 1
        iload_0 1a 0     iload_1 1b 0      iload_2 1c 0     iload_3 1d 0    lload_0 1e 0    lload_1 1f 0
        lload_2 20 0     lload_3 21 0      fload_0 22 0     fload_1 23 0    fload_2 24 0    fload_3 25 0
        dload_0 26 0     dload_1 27 0      dload_2 28 0     dload_3 29 0    aload_0 2a 0    aload_1 2b 0
        aload_2 2c 0     aload_3 2d 0      iaload 2e 0      laload 2f 0     faload 30 0     daload 31 0
        aaload 32 0      baload 33 0       caload 34 0      saload 35 0
        istore 36 1      lstore 37 1       fstore 38 1      dstore 39 1     astore 3a 1
        istore_0 3b 0    istore_1 3c 0     istore_2 3d 0    istore_3 3e 0   lstore_0 3f 0   lstore_1 40 0
        lstore_2 41 0    lstore_3 42 0     fstore_0 43 0    fstore_1 44 0   fstore_2 45 0   fstore_3 46 0
        dstore_0 47 0    dstore_1 48 0     dstore_2 49 0    dstore_3 4a 0   astore_0 4b 0   astore_1 4c 0
        astore_2 4d 0    astore_3 4e 0     iastore 4f 0     lastore 50 0    fastore 51 0    dastore 52 0
        aastore 53 0     bastore 54 0      castore 55 0     sastore 56 0
        pop 57 0         pop2 58 0         dup 59 0         dup_x1 5a 0     dup_x2 5b 0     dup2 5c 0
        dup2_x1 5d 0     dup2_x2 5e 0      swap 5f 0
        iadd 60 0        ladd 61 0         fadd 62 0        dadd 63 0       isub 64 0       lsub 65 0
        fsub 66 0        dsub 67 0         imul 68 0        lmul 69 0       fmul 6a 0       dmul 6b 0
        idiv 6c 0        ldiv 6d 0         fdiv 6e 0        ddiv 6f 0       irem 70 0       lrem 71 0
        frem 72 0        drem 73 0         ineg 74 0        lneg 75 0       fneg 76 0       dneg 77 0
        ishl 78 0        lshl 79 0         ishr 7a 0        lshr 7b 0       iushr 7c 0      lushr 7d 0
        iand 7e 0        land 7f 0         ior 80 0         lor 81 0        ixor 82 0       lxor 83 0
        iinc 84 2
        i2l 85 0         i2f 86 0          i2d 87 0         l2i 88 0        l2f 89 0        l2d 8a 0
        f2i 8b 0         f2l 8c 0          f2d 8d 0         d2i 8e 0        d2l 8f 0        d2f 90 0
        i2b 91 0         i2c 92 0          i2s 93 0
        lcmp 94 0        fcmpl 95 0        fcmpg 96 0       dcmpl 97 0      dcmpg 98 0
        ifeq 99 2        ifne 9a 2         iflt 9b 2        ifge 9c 2       ifgt 9d 2       ifle 9e 2
        if_icmpeq 9f 2   if_icmpne a0 2    if_icmplt a1 2   if_icmpge a2 2  if_icmpgt a3 2  if_icmple a4 2
        if_acmpeq a5 2   if_acmpne a6 2
        goto a7 2        jsr a8 2          ret a9 1         tableswitch aa * lookupswitch ab *
        ireturn ac 0     lreturn ad 0      freturn ae 0     dreturn af 0    areturn b0 0    return b1 0
        getstatic b2 2   putstatic b3 2    getfield b4 2    putfield b5 2
        invokevirtual b6 2  invokespecial b7 2  invokestatic b8 2  invokeinterface b9 4  invokedynamic ba 4
        new bb 2         newarray bc 1     anewarray bd 2   arraylength be 0  athrow bf 0
        checkcast c0 2   instanceof c1 2   monitorenter c2 0  monitorexit c3 0
        wide c4 *        multianewarray c5 3  ifnull c6 2   ifnonnull c7 2  goto_w c8 4     jsr_w c9 4
        """;

    public static IReadOnlyList<Entry> All { get; } = Parse();

    private static Entry[] Parse()
    {
        var words = Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var entries = new Entry[words.Length / 3];
        for (int i = 0; i < entries.Length; i++)
        {
            string operands = words[3 * i + 2];
            entries[i] = new Entry(byte.Parse(words[3 * i + 1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), words[3 * i],
                operands == "*" ? null : int.Parse(operands, CultureInfo.InvariantCulture));
        }
        return entries;
    }
}
