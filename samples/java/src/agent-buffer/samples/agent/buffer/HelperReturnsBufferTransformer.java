// BL0107 positive through a helper: transform() returns what passThrough() returns, and
// passThrough() returns its byte[] argument, i.e. classfileBuffer, for every class it skips.
package samples.agent.buffer;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

public final class HelperReturnsBufferTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return passThrough(className, classfileBuffer);
    }

    static byte[] passThrough(String className, byte[] bytes) {
        if (className == null) {
            return null;
        }
        return bytes;
    }
}
