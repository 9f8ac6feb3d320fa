// Seeds BL0002 (positive), direct form. docs/design/hotspot.md section 3: transform() passes its classfileBuffer
// to rewrite(), which reads it with a ClassReader but writes with new ClassWriter(COMPUTE_FRAMES),
// descriptor (I)V: ASM numbers a brand-new pool in visiting order, the JVM's merge builds an index
// map for almost every entry and 1-byte ldc whose constants move above 255 get widened. The writer
// sits in a helper, one call away from transform, so the rule must follow the call.
// Fix: new ClassWriter(reader, ClassWriter.COMPUTE_FRAMES).
package samples.agent.rebuild;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

public final class FreshPoolTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!Targets.matches(className, "Catch")) {
            return null;
        }
        return rewrite(classfileBuffer);
    }

    static byte[] rewrite(byte[] original) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        reader.accept(new MarkerClassVisitor(writer), 0);
        return writer.toByteArray();
    }
}
