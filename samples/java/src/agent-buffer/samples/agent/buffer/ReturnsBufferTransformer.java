// BL0107 positive, direct form: changes nothing but returns classfileBuffer instead of null. The
// JVM takes any non-null result as "transformed": it keeps a malloc'ed copy of the original bytes
// for the class's life (retransform-capable registration) and, for a class from the CDS archive,
// drops the shared copy and parses the bytes into Metaspace (measure/results/buffer.md).
// Fix: return null.
package samples.agent.buffer;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

public final class ReturnsBufferTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return classfileBuffer;
    }
}
