namespace BytecodeLint.Analysis.Inputs;

/// <summary>Signatures and fixed sizes of the zip records we read (APPNOTE.TXT 6.3).</summary>
internal static class ZipFormat
{
    public const uint LocalHeaderSignature = 0x04034b50;
    public const uint CentralHeaderSignature = 0x02014b50;
    public const uint EndOfCentralDirectorySignature = 0x06054b50;
    public const uint Zip64EndOfCentralDirectorySignature = 0x06064b50;
    public const uint Zip64LocatorSignature = 0x07064b50;

    public const int LocalHeaderSize = 30;
    public const int CentralHeaderSize = 46;
    public const int EndOfCentralDirectorySize = 22;
    public const int Zip64EndOfCentralDirectorySize = 56;
    public const int Zip64LocatorSize = 20;

    public const ushort Zip64ExtraId = 0x0001;

    public const ushort MethodStored = 0;
    public const ushort MethodDeflated = 8;

    public const ushort FlagEncrypted = 0x0001;

    /// <summary>The "JM" magic, major 1, minor 0, that the JDK's jmod tool writes before the zip.</summary>
    public static ReadOnlySpan<byte> JmodMagic => [(byte)'J', (byte)'M', 1, 0];

    public static ReadOnlySpan<byte> ClassSuffix => ".class"u8;

    public static ReadOnlySpan<byte> JarSuffix => ".jar"u8;
}
