// BL0005 measurement driver (not a committed output; measure-indy.sh builds it into an agent jar).
// Loads CLASS, calls its static run(K) until warm, then N times: retransform the class (no
// transformer: the JVM's own bytes, so the class does not change) and call run(K) once. At each
// checkpoint it forces full GCs and prints the growth since the warm baseline of Metaspace used and
// of the loaded-class count. With -Xlog:class+load on stdout the script can count which classes were
// defined after the line "BASELINE".
// Usage: java -javaagent:harness.jar -cp ... samples.measure.IndyHarness CLASS K N
package samples.measure;

import java.lang.instrument.Instrumentation;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.reflect.Method;

public final class IndyHarness {
    private static volatile Instrumentation instrumentation;

    private IndyHarness() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    public static void main(String[] args) throws Exception {
        Class<?> target = Class.forName(args[0]);
        int k = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        Method run = target.getMethod("run", int.class);
        // Warm-up: links the sites and lets reflection inflate its accessor before the baseline.
        for (int i = 0; i < 50; i++) {
            run.invoke(null, k);
        }
        instrumentation.retransformClasses(target);   // first retransform caches bytes etc.
        run.invoke(null, k);
        long[] base = snapshot();
        System.out.println("BASELINE");
        for (int i = 1; i <= n; i++) {
            instrumentation.retransformClasses(target);
            run.invoke(null, k);
            if (i == 1 || i == 10 || i == 100 || i == n || (i % 1000 == 0)) {
                long[] now = snapshot();
                System.out.printf("RESULT class=%s k=%d n=%d classes=%+d metaspace_used=%+d committed=%+d%n",
                        target.getSimpleName(), k, i, now[0] - base[0], now[1] - base[1], now[2] - base[2]);
            }
        }
    }

    private static long[] snapshot() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        ClassLoadingMXBean cl = ManagementFactory.getClassLoadingMXBean();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return new long[] {cl.getLoadedClassCount(), pool.getUsage().getUsed(), pool.getUsage().getCommitted()};
            }
        }
        throw new IllegalStateException("no Metaspace memory pool");
    }
}
