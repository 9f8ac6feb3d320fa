// Seeds a BL01xx agent rule: transform() writes into its classfileBuffer argument
// (classfileBuffer[7] = ...). The array belongs to the JVM and is passed to the next transformer
// and, on retransform, comes from the bytes the JVM keeps; a transformer must return a new array.
// Not registered by BadAgent: the rule inspects every ClassFileTransformer.transform implementation.
package samples.agent.bad;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

public final class BufferPatchingTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !className.startsWith("samples/app/")) {
            return null;
        }
        classfileBuffer[7] = 52; // "downgrade" the major version in place
        return classfileBuffer;
    }
}
