// Writes samples/hazard/zeros/PosZeroFirstDouble.class and PosZeroFirstFloat.class (BL0007) with ASM.
// javac always puts code constants (ldc/ldc2_w -0.0) before ConstantValue constants (+0.0), so in a
// javac class -0.0 has the lower pool index. Other producers (ASM-generated classes, compilers that
// emit fields first) give +0.0 the lower index; then the retransform merge maps the scratch -0.0 onto
// the old +0.0 and neg() starts returning +0.0. Same Java shape as BothZerosDouble/BothZerosFloat:
//     public static final double POS = 0.0;   static double neg() { return -0.0; }
//     static double inverse() { return 1 / neg(); }
// Deterministic; run: java -cp asm.jar GenSignedZeros.java OUTDIR
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

public final class GenSignedZeros implements Opcodes {
    public static void main(String[] args) throws Exception {
        write(args[0], "samples/hazard/zeros/PosZeroFirstDouble", "D", 0.0d, -0.0d);
        write(args[0], "samples/hazard/zeros/PosZeroFirstFloat", "F", 0.0f, -0.0f);
    }

    private static void write(String dir, String name, String desc, Object pos, Object neg) throws Exception {
        boolean dbl = desc.equals("D");
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
        cw.visitSource(name.substring(name.lastIndexOf('/') + 1) + ".java", null);
        // The field comes first, so its ConstantValue +0.0 takes the lower pool index.
        cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "POS", desc, null, pos).visitEnd();

        MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor negm = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "neg", "()" + desc, null, null);
        negm.visitCode();
        negm.visitLdcInsn(neg);                       // ldc2_w / ldc of the -0.0 entry
        negm.visitInsn(dbl ? DRETURN : FRETURN);
        negm.visitMaxs(0, 0);
        negm.visitEnd();

        MethodVisitor inv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "inverse", "()" + desc, null, null);
        inv.visitCode();
        inv.visitInsn(dbl ? DCONST_1 : FCONST_1);
        inv.visitMethodInsn(INVOKESTATIC, name, "neg", "()" + desc, false);
        inv.visitInsn(dbl ? DDIV : FDIV);
        inv.visitInsn(dbl ? DRETURN : FRETURN);
        inv.visitMaxs(0, 0);
        inv.visitEnd();

        cw.visitEnd();
        Path out = Path.of(dir, name + ".class");
        Files.createDirectories(out.getParent());
        Files.write(out, cw.toByteArray());
    }
}
