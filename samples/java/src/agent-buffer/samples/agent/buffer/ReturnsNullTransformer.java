// Control for BL0107 (must not fire): the documented "no transformation" answer, null.
package samples.agent.buffer;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

public final class ReturnsNullTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return null;
    }
}
