// Seeds BL0002 (positive), second transformer path. docs/design/hotspot.md section 3: reads classfileBuffer
// with a ClassReader, then writes through FreshPoolWriter, whose constructor calls super(flags):
// a rebuilt constant pool although a reader was at hand.
package samples.agent.rebuild;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

public final class SubclassWriterTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!Targets.matches(className, "Big")) {
            return null;
        }
        ClassReader reader = new ClassReader(classfileBuffer);
        ClassWriter writer = new FreshPoolWriter(ClassWriter.COMPUTE_MAXS);
        reader.accept(new MarkerClassVisitor(writer), 0);
        return writer.toByteArray();
    }
}
