// Seeds BL0002 (positive), third transformer path: writes through NullReaderWriter, whose
// constructor passes a null ClassReader to ClassWriter(ClassReader, int) (docs/design/hotspot.md section 3).
package samples.agent.rebuild;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

public final class NullReaderTransformer implements ClassFileTransformer {
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!Targets.matches(className, "Large")) {
            return null;
        }
        ClassReader reader = new ClassReader(classfileBuffer);
        ClassWriter writer = new NullReaderWriter(ClassWriter.COMPUTE_MAXS);
        reader.accept(new MarkerClassVisitor(writer), 0);
        return writer.toByteArray();
    }
}
