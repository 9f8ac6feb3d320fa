// Seeds a BL01xx agent rule: transform() copies replacement bytes into its classfileBuffer argument
// with System.arraycopy(..., classfileBuffer, ...), overwriting the JVM's array instead of returning
// a new one. Not registered by BadAgent (see BufferPatchingTransformer).
package samples.agent.bad;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

public final class BufferCopyingTransformer implements ClassFileTransformer {
    private static final byte[] MAGIC = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !className.startsWith("samples/app/")) {
            return null;
        }
        System.arraycopy(MAGIC, 0, classfileBuffer, 0, MAGIC.length);
        return classfileBuffer;
    }
}
