// BL0007 measurement driver (not a committed output; measure-zeros.sh builds it into an agent jar).
// Loads CLASS (from hazard-zeros.jar), prints neg(), inverse() and, where present, the @Zero value
// of inverse(), then retransforms it R times with the chosen transformer and prints them again.
// Transformers: none (JVM's own bytes), keep (ASM ClassWriter(reader): the pool is copied, one new
// String appended), fresh (ASM ClassWriter(0): a new pool in visiting order plus the same String),
// i.e. a pool-preserving and a pool-shifting enhancer. The added String is an "ldc; pop" at the
// start of neg(), so the class changes in both.
// Usage: java -javaagent:driver.jar -cp hazard-zeros.jar:asm.jar samples.measure.ZerosHarness CLASS none|keep|fresh R
package samples.measure;

import java.lang.annotation.Annotation;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

public final class ZerosHarness {
    private static volatile Instrumentation instrumentation;

    private ZerosHarness() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    public static void main(String[] args) throws Exception {
        Class<?> target = Class.forName(args[0]);
        String mode = args[1];
        int rounds = Integer.parseInt(args[2]);
        String internal = args[0].replace('.', '/');
        if (!mode.equals("none")) {
            instrumentation.addTransformer(new ClassFileTransformer() {
                @Override
                public byte[] transform(ClassLoader l, String name, Class<?> c, ProtectionDomain pd, byte[] buf) {
                    return internal.equals(name) ? rewrite(buf, mode.equals("fresh")) : null;
                }
            }, true);
        }
        System.out.printf("%s %s round 0: %s%n", target.getSimpleName(), mode, describe(target));
        for (int i = 1; i <= rounds; i++) {
            instrumentation.retransformClasses(target);
            System.out.printf("%s %s round %d: %s%n", target.getSimpleName(), mode, i, describe(target));
        }
    }

    private static String describe(Class<?> c) throws Exception {
        Object neg = c.getMethod("neg").invoke(null);
        Method inverse = c.getMethod("inverse");
        String text = "neg()=" + neg + " inverse()=" + inverse.invoke(null);
        for (Annotation a : inverse.getAnnotations()) {
            text += " @" + a.annotationType().getSimpleName() + ".value()=" + a.annotationType().getMethod("value").invoke(a);
        }
        return text;
    }

    static byte[] rewrite(byte[] original, boolean freshPool) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = freshPool ? new ClassWriter(0) : new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exc) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, exc);
                if (!name.equals("neg")) {
                    return mv;
                }
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitLdcInsn("zeros.marker");
                        super.visitInsn(Opcodes.POP);
                    }

                    @Override
                    public void visitMaxs(int stack, int locals) {
                        super.visitMaxs(Math.max(stack, 2), locals);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
