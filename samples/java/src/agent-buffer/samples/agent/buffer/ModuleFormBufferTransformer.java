// BL0107 positive, six-argument (JDK 9+, Module) form of transform: the buffer is returned
// unchanged. ClassFileTransformer has two default methods and no abstract one, so it cannot be a
// lambda; named, anonymous and inner classes are the shapes a rule must handle.
package samples.agent.buffer;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

public final class ModuleFormBufferTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return classfileBuffer;
    }
}
