// Seeds a BL01xx agent rule: retransformClasses inside a for loop. Every call is a separate
// VM operation (safepoint) and repeats the constant-pool merge per class; with any pool-growing
// pattern (BL0001, BL0004) the Metaspace cost multiplies with the loop count. Fix: collect the
// classes and make one call with the array.
package samples.agent.bad;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;

final class RetransformInLoop {
    private RetransformInLoop() {
    }

    static void run(Instrumentation inst) {
        for (Class<?> c : Targets.appClasses(inst)) {
            try {
                inst.retransformClasses(c);
            } catch (UnmodifiableClassException e) {
                System.err.println("bad agent: " + e.getMessage());
            }
        }
    }
}
