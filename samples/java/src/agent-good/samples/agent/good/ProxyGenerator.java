// BL0002 control (docs/design/hotspot.md section 3, last bullet): new ClassWriter(COMPUTE_FRAMES) with no
// ClassReader is pure generation of a brand-new class. There is no existing constant pool to
// preserve, and this code does not run on a transform path, so it must not be a finding.
package samples.agent.good;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

final class ProxyGenerator {
    static final String GREETER = "samples.generated.Greeter";

    private ProxyGenerator() {
    }

    static byte[] generateGreeter() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        String internalName = GREETER.replace('.', '/');
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName,
                null, "java/lang/Object", null);

        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor greet = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "greet", "()Ljava/lang/String;",
                null, null);
        greet.visitCode();
        greet.visitLdcInsn("hello from a generated class");
        greet.visitInsn(Opcodes.ARETURN);
        greet.visitMaxs(0, 0);
        greet.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }
}
