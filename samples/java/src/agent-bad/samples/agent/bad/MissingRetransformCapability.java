// Seeds a BL01xx agent rule: retransformClasses is called but the agent manifest lacks
// Can-Retransform-Classes: true, so the call throws UnsupportedOperationException
// (docs/design/hotspot.md section 5, last bullet).
package samples.agent.bad;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;

final class MissingRetransformCapability {
    private MissingRetransformCapability() {
    }

    static void run(Instrumentation inst) {
        try {
            inst.retransformClasses(Targets.appClasses(inst));
        } catch (UnmodifiableClassException e) {
            System.err.println("bad agent: " + e.getMessage());
        }
    }
}
