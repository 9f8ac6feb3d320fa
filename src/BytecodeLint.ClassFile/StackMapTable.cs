namespace BytecodeLint.ClassFile;

/// <summary>The shape of a stack map frame (JVMS §4.7.4).</summary>
public enum StackMapFrameKind : byte
{
    Same,
    SameLocals1StackItem,
    SameLocals1StackItemExtended,
    Chop,
    SameExtended,
    Append,
    Full,
}

/// <summary>verification_type_info tags.</summary>
public enum VerificationTypeTag : byte
{
    Top = 0,
    Integer = 1,
    Float = 2,
    Double = 3,
    Long = 4,
    Null = 5,
    UninitializedThis = 6,
    Object = 7,
    Uninitialized = 8,
}

/// <summary>One verification type: its tag and, for Object/Uninitialized, the class index or the pc of the <c>new</c>.</summary>
public readonly record struct VerificationType(VerificationTypeTag Tag, int Operand);

/// <summary>
/// One decoded frame. <see cref="Pc"/> is absolute (first frame: offset_delta; later frames:
/// previous pc + offset_delta + 1). Locals/stack types are listed for the frame kinds that carry them.
/// </summary>
public readonly record struct StackMapFrame(
    int FrameType,
    StackMapFrameKind Kind,
    int OffsetDelta,
    int Pc,
    int ChoppedLocals,
    VerificationType[] Locals,
    VerificationType[] Stack,
    int Offset);

/// <summary>
/// A StackMapTable attribute. <see cref="Length"/> (attribute_length) is what the cost model
/// needs and costs nothing; frames are decoded only when enumerated.
/// </summary>
public readonly struct StackMapTable
{
    private readonly AttributeInfo _attribute;
    private readonly int _codeLength;

    public StackMapTable(AttributeInfo attribute, int codeLength)
    {
        _attribute = attribute;
        _codeLength = codeLength;
    }

    /// <summary>attribute_length in bytes.</summary>
    public int Length => _attribute.Length;

    public AttributeInfo Attribute => _attribute;

    /// <summary>number_of_entries.</summary>
    public int FrameCount => ByteReader.U2(Span, _attribute.DataOffset, "number_of_entries");

    private ReadOnlySpan<byte> Span => _attribute.Owner.Bytes.Span.Slice(0, _attribute.DataOffset + _attribute.Length);

    /// <summary>Decodes every frame; throws <see cref="ClassFormatException"/> on malformed frames or pcs outside the code.</summary>
    public List<StackMapFrame> DecodeFrames()
    {
        var span = Span;
        int p = _attribute.DataOffset;
        int count = ByteReader.U2(span, p, "number_of_entries");
        p += 2;
        var frames = new List<StackMapFrame>(count);
        int pc = -1;
        for (int i = 0; i < count; i++)
        {
            int frameOffset = p;
            int type = ByteReader.U1(span, p++, "frame_type");
            int delta, chopped = 0;
            VerificationType[] locals = [], stack = [];
            StackMapFrameKind kind;
            switch (type)
            {
                case <= 63:
                    kind = StackMapFrameKind.Same; delta = type;
                    break;
                case <= 127:
                    kind = StackMapFrameKind.SameLocals1StackItem; delta = type - 64;
                    stack = [ReadType(span, ref p)];
                    break;
                case <= 246:
                    throw new ClassFormatException(frameOffset, $"a stack map frame type (0–127, 247–255), found reserved type {type}");
                case 247:
                    kind = StackMapFrameKind.SameLocals1StackItemExtended; delta = ReadU2(span, ref p);
                    stack = [ReadType(span, ref p)];
                    break;
                case <= 250:
                    kind = StackMapFrameKind.Chop; delta = ReadU2(span, ref p); chopped = 251 - type;
                    break;
                case 251:
                    kind = StackMapFrameKind.SameExtended; delta = ReadU2(span, ref p);
                    break;
                case <= 254:
                    kind = StackMapFrameKind.Append; delta = ReadU2(span, ref p);
                    locals = ReadTypes(span, ref p, type - 251);
                    break;
                default:
                    kind = StackMapFrameKind.Full; delta = ReadU2(span, ref p);
                    locals = ReadTypes(span, ref p, ReadU2(span, ref p));
                    stack = ReadTypes(span, ref p, ReadU2(span, ref p));
                    break;
            }
            pc = pc < 0 ? delta : pc + delta + 1;
            if (pc >= _codeLength)
                throw new ClassFormatException(frameOffset, $"a frame pc inside the code (< {_codeLength}), found {pc}");
            frames.Add(new StackMapFrame(type, kind, delta, pc, chopped, locals, stack, frameOffset));
        }
        if (p != _attribute.DataOffset + _attribute.Length)
            throw new ClassFormatException(p, $"the end of the StackMapTable after {count} frames");
        return frames;
    }

    private static int ReadU2(ReadOnlySpan<byte> span, ref int p)
    {
        int value = ByteReader.U2(span, p, "a 2-byte frame field");
        p += 2;
        return value;
    }

    private VerificationType[] ReadTypes(ReadOnlySpan<byte> span, ref int p, int count)
    {
        // Each type takes at least one byte: a count beyond the attribute's end is truncation, and
        // checking it first keeps a hostile count from allocating a 64K-entry array.
        if (count > span.Length - p) throw new ClassFormatException(p, $"{count} verification types inside the StackMapTable, but it ends first");
        var types = new VerificationType[count];
        for (int i = 0; i < count; i++) types[i] = ReadType(span, ref p);
        return types;
    }

    private VerificationType ReadType(ReadOnlySpan<byte> span, ref int p)
    {
        int at = p;
        var tag = (VerificationTypeTag)ByteReader.U1(span, p++, "verification_type_info tag");
        switch (tag)
        {
            case <= VerificationTypeTag.UninitializedThis:
                return new VerificationType(tag, 0);
            case VerificationTypeTag.Object:
            {
                int index = ReadU2(span, ref p);
                _attribute.Owner.ConstantPool.RequireIndex(index, ConstantKind.Class, at + 1);
                return new VerificationType(tag, index);
            }
            case VerificationTypeTag.Uninitialized:
            {
                int newPc = ReadU2(span, ref p);
                if (newPc >= _codeLength) throw new ClassFormatException(at + 1, $"the pc of a new instruction (< {_codeLength}), found {newPc}");
                return new VerificationType(tag, newPc);
            }
            default:
                throw new ClassFormatException(at, $"a verification type tag 0–8, found {(byte)tag}");
        }
    }
}
