// Seeds BL0002 (positive), the Arthas 3.3.x form. docs/design/hotspot.md section 3: the subclass calls the
// two-argument constructor ClassWriter(ClassReader, int) but passes null for the reader. Since ASM
// 6.1 ClassWriter(int) is itself this(null, flags), so this is exactly a fresh pool even though
// the (Lorg/objectweb/asm/ClassReader;I)V descriptor looks like the preserving constructor.
package samples.agent.rebuild;

import org.objectweb.asm.ClassWriter;

final class NullReaderWriter extends ClassWriter {
    NullReaderWriter(int flags) {
        super(null, flags);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return "java/lang/Object";
    }
}
