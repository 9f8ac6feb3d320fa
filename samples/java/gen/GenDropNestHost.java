// Rewrites one class file in place without its NestHost attribute (BL0006 NestHost case): the
// transformed build of samples.hazard.shape.NestOuter$Inner, so that the shape pair
// original/transformed differs only there. javac cannot drop NestHost from a nested class without
// renaming it. ClassWriter(reader, 0) copies everything else unchanged; deterministic.
// Run: java -cp asm.jar GenDropNestHost.java PATH/TO/NestOuter$Inner.class
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

public final class GenDropNestHost {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        ClassReader reader = new ClassReader(Files.readAllBytes(file));
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitNestHost(String nestHost) {
                // dropped: the only difference from the original build
            }
        }, 0);
        Files.write(file, writer.toByteArray());
    }
}
