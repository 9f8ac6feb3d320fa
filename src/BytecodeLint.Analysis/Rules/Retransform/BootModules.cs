namespace BytecodeLint.Analysis.Rules.Retransform;

/// <summary>
/// JDK modules defined to the boot loader (ModuleLayer.boot() modules whose class loader is null,
/// read from OpenJDK 17.0.15 and Temurin 25.0.3, union). The boot loader does not verify its
/// classes by default (BytecodeVerificationLocal is false), which matters to rules whose trigger
/// is the verifier (BL0001, docs/design/hotspot.md §2 condition 3).
/// </summary>
internal static class BootModules
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "java.base", "java.datatransfer", "java.desktop", "java.instrument", "java.logging", "java.management",
        "java.management.rmi", "java.naming", "java.prefs", "java.rmi", "java.security.sasl", "java.xml",
        "jdk.incubator.foreign", "jdk.incubator.vector", "jdk.internal.vm.ci", "jdk.jfr", "jdk.management",
        "jdk.management.agent", "jdk.management.jfr", "jdk.naming.rmi", "jdk.net", "jdk.nio.mapmode", "jdk.sctp",
        "jdk.unsupported",
    };

    /// <summary>True when the entry sits in the jmod of a boot module; looks at its archive's location only.</summary>
    public static bool Contains(Inputs.ClassEntry entry) => Contains(entry.ArchiveLocation ?? entry.Location);

    /// <summary>True when the location is in the jmod of a boot module (<c>…/java.base.jmod!/classes/…</c>).</summary>
    public static bool Contains(string location)
    {
        int jmod = location.IndexOf(".jmod!/", StringComparison.Ordinal);
        if (jmod < 0) return false;
        int start = location.LastIndexOfAny(['/', '\\', '!'], jmod - 1) + 1;
        return Names.Contains(location[start..jmod]);
    }
}
