// Seeds BL0002 (positive) through a subclass. docs/design/hotspot.md section 3: the constructor delegates to
// ClassWriter(int), descriptor (I)V, so every instance starts with an empty pool no matter what
// the caller read. The rule has to see that "new FreshPoolWriter(flags)" is a fresh-pool writer.
package samples.agent.rebuild;

import org.objectweb.asm.ClassWriter;

final class FreshPoolWriter extends ClassWriter {
    FreshPoolWriter(int flags) {
        super(flags);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        // Avoids loading classes from inside transform; good enough for the samples' targets.
        return "java/lang/Object";
    }
}
