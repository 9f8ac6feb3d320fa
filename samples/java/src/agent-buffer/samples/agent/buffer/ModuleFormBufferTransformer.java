// BL0107 positive, six-argument (JDK 9+, Module) form of transform: the buffer is returned
// unchanged. (Against JDK 9+ ClassFileTransformer has only default methods, so it cannot be a
// lambda there; see samples.agent.bufferlambda for the --release 8 lambda form).
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
