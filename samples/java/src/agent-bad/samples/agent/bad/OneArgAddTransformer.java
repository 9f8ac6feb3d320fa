// Seeds a BL01xx agent rule: the transformer is registered with addTransformer(t), which makes it
// NOT retransform-capable, and then the agent retransforms. The JVM silently skips this
// transformer on retransformation (docs/design/hotspot.md section 5, last bullet). Fix: addTransformer(t, true).
package samples.agent.bad;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;

final class OneArgAddTransformer {
    private OneArgAddTransformer() {
    }

    static void install(Instrumentation inst) {
        inst.addTransformer(new CountingTransformer());
        try {
            inst.retransformClasses(Targets.appClasses(inst));
        } catch (UnmodifiableClassException e) {
            System.err.println("bad agent: " + e.getMessage());
        }
    }

    static final class CountingTransformer implements ClassFileTransformer {
        private int seen;

        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            seen++;
            return null;
        }
    }
}
