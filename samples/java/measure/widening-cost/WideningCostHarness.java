// Retransforms one generated class once and reports Metaspace before and after, from the
// MemoryPoolMXBean and from `jcmd <own pid> VM.metaspace` (run as a child process, so both readings
// are taken at the same quiet point). The transformer returns the given class file on the
// retransform only (classBeingRedefined != null), as a retransforming agent would.
// Usage: java -javaagent:harness.jar -cp ORIGINAL_DIR samples.measure.WideningCostHarness CLASS CLASSFILE
// CLASSFILE is the transformed class, or the original again for the no-widening control.
package samples.measure;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;

public final class WideningCostHarness {
    private static volatile Instrumentation instrumentation;

    private WideningCostHarness() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    public static void main(String[] args) throws Exception {
        Class<?> target = Class.forName(args[0], true, WideningCostHarness.class.getClassLoader());
        byte[] replacement = Files.readAllBytes(Path.of(args[1]));
        String internalName = args[0].replace('.', '/');
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd, byte[] buffer) {
                return redefined != null && internalName.equals(name) ? replacement.clone() : null;
            }
        }, true);
        // a warm-up retransform of another class would change the pool of loaded classes; none here
        long mxBefore = metaspaceUsed();
        long jcmdBefore = jcmdUsed();
        instrumentation.retransformClasses(target);
        long mxAfter = metaspaceUsed();
        long jcmdAfter = jcmdUsed();
        System.out.printf("mx_before=%d mx_after=%d mx_delta=%d jcmd_before=%d jcmd_after=%d jcmd_delta=%d%n",
                mxBefore, mxAfter, mxAfter - mxBefore, jcmdBefore, jcmdAfter, jcmdAfter - jcmdBefore);
    }

    private static long metaspaceUsed() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        throw new IllegalStateException("no Metaspace memory pool");
    }

    /** "used" bytes of the "Both:" line under "Total Usage" of VM.metaspace scale=1. */
    private static long jcmdUsed() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(ProcessHandle.current().pid()), "VM.metaspace", "scale=1")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.trim().startsWith("Both:")) {
                String[] t = line.trim().split("[ ,]+");
                for (int i = 1; i < t.length; i++) {
                    if (t[i].startsWith("used")) {
                        return Long.parseLong(t[i - 4]);
                    }
                }
            }
        }
        throw new IllegalStateException("no 'Both:' line in VM.metaspace output:\n" + out);
    }
}
