// Control for BL0108 (must not fire): the boot jar comes from the manifest's Boot-Class-Path
// (boot-helper.jar next to this agent's jar), which HotSpot appends while the agent is loaded, and
// the agent never calls appendToBootstrapClassLoaderSearch. Measured: no "Sharing is only supported
// for boot loader classes" line and the CDS archive stays in use (measure/results/bootappend.md).
package samples.agent.bootpath;

import java.lang.instrument.Instrumentation;

public final class ManifestBootPathAgent {
    private ManifestBootPathAgent() {
    }

    public static void premain(String args, Instrumentation inst) throws ClassNotFoundException {
        // Resolves the helper through the boot loader to show the manifest entry took effect.
        Class.forName("samples.boot.helper.BootHelper", false, null);
    }
}
