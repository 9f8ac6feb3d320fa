// Part of the agent-good control: inserts "invokestatic samples/agent/good/Hook.enter()V" at the
// start of each method. No locals and no branches are added, so COMPUTE_MAXS is enough and the
// original StackMapTable offsets just shift by the 3 inserted bytes (ASM adjusts them).
package samples.agent.good;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

final class EntryHookMethodVisitor extends MethodVisitor {
    EntryHookMethodVisitor(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitMethodInsn(Opcodes.INVOKESTATIC, "samples/agent/good/Hook", "enter", "()V", false);
    }
}
