// Measurement harness for the samples (not part of the committed outputs): loads one class,
// optionally registers a transformer AFTER the class is loaded (as an attaching agent would), then
// retransforms it N times and prints the Metaspace "used" growth after each retransform. measure.sh
// builds it into an agent jar and adds the JVM's constant-pool merge log (widened ldc, pool length).
// Usage: java -javaagent:harness.jar -cp ... samples.measure.RetransformHarness CLASS N [TRANSFORMER]
// where TRANSFORMER is the binary name of a ClassFileTransformer with a no-argument constructor.
package samples.measure;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

public final class RetransformHarness {
    private static volatile Instrumentation instrumentation;

    private RetransformHarness() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || instrumentation == null) {
            System.err.println("usage: java -javaagent:harness.jar ... samples.measure.RetransformHarness CLASS N [TRANSFORMER]");
            System.exit(2);
        }
        Class<?> target = Class.forName(args[0]);
        int count = Integer.parseInt(args[1]);
        if (args.length > 2) {
            ClassFileTransformer transformer =
                    (ClassFileTransformer) Class.forName(args[2]).getDeclaredConstructor().newInstance();
            instrumentation.addTransformer(transformer, true);
        }
        long base = metaspaceUsed();
        for (int i = 1; i <= count; i++) {
            instrumentation.retransformClasses(target);
            long used = metaspaceUsed();
            System.out.printf("retransform %d: metaspace used %+.1f MiB since the class was loaded%n",
                    i, (used - base) / 1048576.0);
        }
    }

    private static long metaspaceUsed() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        throw new IllegalStateException("no Metaspace memory pool");
    }
}
