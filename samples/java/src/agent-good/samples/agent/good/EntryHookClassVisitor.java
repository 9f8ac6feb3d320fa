// Part of the agent-good control: wraps every concrete method so that EntryHookMethodVisitor can
// insert the entry call. Abstract and native methods have no code to instrument.
package samples.agent.good;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

final class EntryHookClassVisitor extends ClassVisitor {
    EntryHookClassVisitor(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return mv;
        }
        return new EntryHookMethodVisitor(mv);
    }
}
