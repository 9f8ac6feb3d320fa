// Shared by the rebuild agent's transformers: inserts ldc "rebuild.enter" and
// invokestatic samples/agent/rebuild/Marker.hit(String)V at the start of every concrete method,
// the same edit the oracle's ldc-* cases measured. The new String constant is one more pool entry
// the merge must append above the old pool.
package samples.agent.rebuild;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

final class MarkerClassVisitor extends ClassVisitor {
    MarkerClassVisitor(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return mv;
        }
        return new MethodVisitor(Opcodes.ASM9, mv) {
            @Override
            public void visitCode() {
                super.visitCode();
                super.visitLdcInsn("rebuild.enter");
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "samples/agent/rebuild/Marker", "hit",
                        "(Ljava/lang/String;)V", false);
            }
        };
    }
}
