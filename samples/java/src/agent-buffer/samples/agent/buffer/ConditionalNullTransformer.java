// Control for BL0107 (must not fire): same as ConditionalBufferTransformer, but the classes it
// skips get null, as the ClassFileTransformer javadoc asks.
package samples.agent.buffer;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Arrays;

public final class ConditionalNullTransformer implements ClassFileTransformer {
    private final String prefix;

    public ConditionalNullTransformer(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className != null && className.startsWith(prefix)) {
            return Arrays.copyOf(classfileBuffer, classfileBuffer.length);
        }
        return null;
    }
}
