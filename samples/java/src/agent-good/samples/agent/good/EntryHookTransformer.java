// Control for BL0002 (docs/design/hotspot.md section 3): the transformer reads its input with
// new ClassReader(classfileBuffer) and writes with new ClassWriter(reader, COMPUTE_MAXS), so ASM
// copies the original constant pool and only appends the hook's entries: the JVM's index map is
// empty and no ldc is widened. It never writes into classfileBuffer.
package samples.agent.good;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

public final class EntryHookTransformer implements ClassFileTransformer {
    static final String TARGET_PREFIX = "samples/app/";
    static final String TARGET_PREFIX_DOTTED = "samples.app.";

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !className.startsWith(TARGET_PREFIX)) {
            return null; // null = leave the class unchanged
        }
        try {
            ClassReader reader = new ClassReader(classfileBuffer);
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            reader.accept(new EntryHookClassVisitor(writer), 0);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            // An exception escaping transform is swallowed by the JVM; report and keep the class.
            System.err.println("samples agent: " + className + ": " + e);
            return null;
        }
    }
}
