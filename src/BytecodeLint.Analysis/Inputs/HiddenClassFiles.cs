using System.Buffers.Binary;

namespace BytecodeLint.Analysis.Inputs;

/// <summary>
/// Class files stored under a name other than <c>*.class</c>, so that only the agent's own class loader
/// finds them and the application's loaders never see them (agents do this to keep their copies of ASM
/// or Byte Buddy apart from the application's). The JVM runs this code all the same, so a scan reads it.
/// Three conventions are known, by name:
/// <list type="bullet">
/// <item><c>*.SCL.&lt;suffix&gt;</c>: Lombok's <c>ShadowClassLoader</c> (<c>lombok/core/Agent.SCL.lombok</c>;
/// the suffix after <c>SCL.</c> is the loader's parameter, so any word is accepted).</item>
/// <item><c>*.classdata</c>: OpenTelemetry's and Datadog's Java agents (<c>inst/…/Foo.classdata</c>).</item>
/// <item><c>*.esclazz</c>: Elastic's APM agent (<c>agent/…/Foo.esclazz</c>).</item>
/// </list>
/// A name only makes an entry a candidate; the content decides (<see cref="HasClassMagic"/>): an entry
/// without the CAFEBABE magic is a resource like any other and is not reported. Classes are named by
/// their <c>this_class</c>, as every class is, never by the entry's path. <c>*.class</c> stays the normal
/// path and is never probed. Spring Boot's <c>BOOT-INF/classes/</c> and WAR <c>WEB-INF/classes/</c> hold
/// ordinary <c>*.class</c> entries and need nothing from here.
/// </summary>
internal static class HiddenClassFiles
{
    private static ReadOnlySpan<byte> ShadowMarker => ".SCL."u8;

    private static ReadOnlySpan<byte> ClassDataSuffix => ".classdata"u8;

    private static ReadOnlySpan<byte> ElasticSuffix => ".esclazz"u8;

    /// <summary>True when the entry name follows one of the conventions (see the type's summary).</summary>
    public static bool IsCandidate(ReadOnlySpan<byte> name)
    {
        if (name.EndsWith(ClassDataSuffix) || name.EndsWith(ElasticSuffix)) return true;
        int marker = name.LastIndexOf(ShadowMarker);
        if (marker <= 0 || name[marker - 1] == (byte)'/') return false; // ".SCL.x" alone names no class
        var suffix = name[(marker + ShadowMarker.Length)..];
        return suffix.Length > 0 && suffix.IndexOfAny((byte)'/', (byte)'.') < 0;
    }

    /// <inheritdoc cref="IsCandidate(ReadOnlySpan{byte})"/>
    public static bool IsCandidate(string name) => IsCandidate(System.Text.Encoding.UTF8.GetBytes(name));

    /// <summary>True when a location chain ends in a hidden class file (for rules that care how a class is found).</summary>
    public static bool IsHiddenLocation(string location) =>
        !location.EndsWith(".class", StringComparison.Ordinal) && IsCandidate(location);

    /// <summary>True when the bytes start with the class-file magic 0xCAFEBABE.</summary>
    public static bool HasClassMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(bytes) == 0xCAFEBABE;
}
