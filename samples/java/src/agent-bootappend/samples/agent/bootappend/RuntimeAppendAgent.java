// BL0108 positive: the agent adds a jar to the bootstrap class path at run time with
// Instrumentation.appendToBootstrapClassLoaderSearch (here through BootJars.append, one call away).
// HotSpot then prints "Sharing is only supported for boot loader classes because bootstrap classpath
// has been appended" and stops using the CDS archive for every class of the platform and application
// loaders (measure/results/bootappend.md). Fix: list the jar in the manifest's Boot-Class-Path
// (see samples.agent.bootpath.ManifestBootPathAgent), which is read before the archive is mapped.
// The agent argument is the jar to append (default: boot-helper.jar next to this agent's jar).
package samples.agent.bootappend;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;

public final class RuntimeAppendAgent {
    private RuntimeAppendAgent() {
    }

    public static void premain(String args, Instrumentation inst) throws IOException {
        agentmain(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) throws IOException {
        String jar = args != null && !args.isEmpty() ? args : siblingJar("boot-helper.jar");
        BootJars.append(inst, jar);
    }

    private static String siblingJar(String name) {
        String self = RuntimeAppendAgent.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return new File(new File(self).getParentFile(), name).getPath();
    }
}
