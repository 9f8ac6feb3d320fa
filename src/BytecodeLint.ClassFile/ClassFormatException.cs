namespace BytecodeLint.ClassFile;

/// <summary>
/// The one exception the reader throws for malformed class bytes. It always names the byte offset
/// where reading failed and what was expected there, so a diagnostic can point at the bad byte.
/// </summary>
public sealed class ClassFormatException : Exception
{
    public ClassFormatException(int offset, string expected, int constantIndex = -1)
        : base(FormatMessage(offset, expected, constantIndex))
    {
        Offset = offset;
        Expected = expected;
        ConstantIndex = constantIndex;
    }

    /// <summary>Byte offset in the class file at which the problem was found.</summary>
    public int Offset { get; }

    /// <summary>What the reader expected to find at <see cref="Offset"/>.</summary>
    public string Expected { get; }

    /// <summary>The constant-pool index involved, or -1.</summary>
    public int ConstantIndex { get; }

    private static string FormatMessage(int offset, string expected, int constantIndex) =>
        constantIndex >= 0
            ? $"malformed class file at byte offset {offset} (0x{offset:X}), constant #{constantIndex}: expected {expected}"
            : $"malformed class file at byte offset {offset} (0x{offset:X}): expected {expected}";
}
