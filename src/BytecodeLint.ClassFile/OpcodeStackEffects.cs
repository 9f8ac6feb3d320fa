namespace BytecodeLint.ClassFile;

public static partial class OpcodeInfo
{
    /// <summary>
    /// Operand-stack slots popped and pushed by <paramref name="opcode"/>, long and double counting 2.
    /// For the opcodes whose row says <see cref="OpcodeRow.DependsOnOperand"/>, pass the operand they depend on:
    /// the field descriptor of get/put field/static (<c>J</c>), the method descriptor of invoke* (<c>(IJ)V</c>;
    /// the receiver is added except for invokestatic and invokedynamic, JVMS §6.5), or the dimensions byte of
    /// multianewarray. Other opcodes ignore both. False when the descriptor is malformed (JVMS §4.3) or the
    /// opcode is wide or undefined, whose effect is not a property of the opcode.
    /// An abstract interpreter can pop/push unknown values with this for every instruction it does not model
    /// (instead of a hand-written (pops, pushes) switch); <see cref="InstructionCursor.TryGetStackEffect"/> does
    /// the same for the cursor's current instruction.
    /// </summary>
    public static bool TryGetStackEffect(Opcode opcode, ReadOnlySpan<char> descriptor, int dimensions, out int pops, out int pushes)
    {
        var row = Table[(byte)opcode];
        pops = row.Pops;
        pushes = row.Pushes;
        if (!row.IsDefined) return Fail(out pops, out pushes);
        if (row.HasFixedStackEffect) return true;
        switch (opcode)
        {
            case Opcode.Getstatic or Opcode.Getfield or Opcode.Putstatic or Opcode.Putfield:
            {
                int slots = FieldSlots(descriptor);
                if (slots < 0) return Fail(out pops, out pushes);
                if (opcode is Opcode.Getstatic or Opcode.Getfield) pushes = slots;
                else pops = slots + (opcode == Opcode.Putfield ? 1 : 0);
                return true;
            }
            case Opcode.Invokevirtual or Opcode.Invokespecial or Opcode.Invokestatic or Opcode.Invokeinterface or Opcode.Invokedynamic:
                if (!TryMethodSlots(descriptor, out int arguments, out pushes)) return Fail(out pops, out pushes);
                pops = arguments + (opcode is Opcode.Invokestatic or Opcode.Invokedynamic ? 0 : 1);
                return true;
            case Opcode.Multianewarray:
                // JVMS §6.5 multianewarray: dimensions ≥ 1 counts, one arrayref out.
                if (dimensions < 1 || dimensions > 255) return Fail(out pops, out pushes);
                pops = dimensions;
                return true;
            default:
                return Fail(out pops, out pushes);
        }
    }

    /// <summary>Parameter slots and return slots of a method descriptor (JVMS §4.3.3), false when malformed.</summary>
    public static bool TryMethodSlots(ReadOnlySpan<char> descriptor, out int argumentSlots, out int returnSlots)
    {
        argumentSlots = 0;
        returnSlots = 0;
        if (descriptor.IsEmpty || descriptor[0] != '(') return false;
        int i = 1;
        while (i < descriptor.Length && descriptor[i] != ')')
        {
            int end = SkipFieldType(descriptor, i);
            if (end < 0) return false;
            argumentSlots += descriptor[i] is 'J' or 'D' ? 2 : 1;
            i = end;
        }
        if (i >= descriptor.Length) return false;
        var result = descriptor.Slice(i + 1);
        if (result is "V") return true;
        returnSlots = FieldSlots(result);
        return returnSlots > 0;
    }

    /// <summary>Slots of a field descriptor (JVMS §4.3.2): 2 for J and D, 1 otherwise, -1 when malformed.</summary>
    public static int FieldSlots(ReadOnlySpan<char> descriptor) =>
        SkipFieldType(descriptor, 0) != descriptor.Length || descriptor.IsEmpty ? -1 : descriptor[0] is 'J' or 'D' ? 2 : 1;

    // Index just past the field type starting at i, or -1.
    private static int SkipFieldType(ReadOnlySpan<char> d, int i)
    {
        int start = i;
        while (i < d.Length && d[i] == '[') i++;
        if (i - start > 255 || i >= d.Length) return -1; // JVMS §4.3.2: at most 255 dimensions
        switch (d[i])
        {
            case 'B' or 'C' or 'D' or 'F' or 'I' or 'J' or 'S' or 'Z':
                return i + 1;
            case 'L':
                int semicolon = d.Slice(i).IndexOf(';');
                return semicolon <= 1 ? -1 : i + semicolon + 1;
            default:
                return -1;
        }
    }

    private static bool Fail(out int pops, out int pushes)
    {
        pops = pushes = OpcodeRow.DependsOnOperand;
        return false;
    }
}
