// BL0107 positive, the common real shape: classes under the prefix are "instrumented" (here a copy,
// standing in for a rewritten class), every other class gets classfileBuffer back instead of null.
package samples.agent.buffer;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Arrays;

public final class ConditionalBufferTransformer implements ClassFileTransformer {
    private final String prefix;

    public ConditionalBufferTransformer(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className != null && className.startsWith(prefix)) {
            return Arrays.copyOf(classfileBuffer, classfileBuffer.length);
        }
        return classfileBuffer;
    }
}
