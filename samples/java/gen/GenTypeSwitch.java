// Writes samples/hazard/indy/TypeSwitchSites.class (BL0005 pattern-switch case) with ASM, because the
// build JDK's javac (17) cannot compile a pattern switch without --enable-preview, and a preview class
// file would not load on 25. The class is what javac 21+ emits for
//     switch (o) { case Integer i -> 1; case String s -> 2; default -> 0; }
// (invokedynamic typeSwitch(Object,int)int bootstrapped by java.lang.runtime.SwitchBootstraps.typeSwitch
// with the case classes as static arguments, then a tableswitch), in a major-61 class file so that the
// same bytes run on JDK 17 and 25. Two such sites: classify() and classifyBoxed().
// Also writes samples/hazard/indy/EnumSwitchSites.class: two SwitchBootstraps.enumSwitch sites, what
// javac 21+ emits for a pattern switch over an enum (here java.util.concurrent.TimeUnit) such as
//     switch (u) { case SECONDS -> 1; case MINUTES -> 2; default -> 0; }   (with a case null / guard)
// Deterministic (no timestamps); run: java -cp asm.jar GenTypeSwitch.java OUTDIR
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

public final class GenTypeSwitch implements Opcodes {
    static final String NAME = "samples/hazard/indy/TypeSwitchSites";
    static final Handle TYPE_SWITCH = new Handle(H_INVOKESTATIC, "java/lang/runtime/SwitchBootstraps", "typeSwitch",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)"
                    + "Ljava/lang/invoke/CallSite;", false);

    static final String ENUM_NAME = "samples/hazard/indy/EnumSwitchSites";
    static final Handle ENUM_SWITCH = new Handle(H_INVOKESTATIC, "java/lang/runtime/SwitchBootstraps", "enumSwitch",
            TYPE_SWITCH.getDesc(), false);

    public static void main(String[] args) throws Exception {
        writeTypeSwitch(args[0]);
        writeEnumSwitch(args[0]);
    }

    private static void writeTypeSwitch(String dir) throws Exception {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object", null);
        cw.visitSource("TypeSwitchSites.java", null);

        MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        switchMethod(cw, "classify", "typeSwitch", "Ljava/lang/Object;", TYPE_SWITCH,
                new Object[] {Type.getType(Integer.class), Type.getType(String.class)});
        switchMethod(cw, "classifyBoxed", "typeSwitch", "Ljava/lang/Object;", TYPE_SWITCH,
                new Object[] {Type.getType(Long.class), Type.getType(Integer.class)});

        // public static int run(int k) { Object o = Integer.valueOf(k); return classify(o) + classifyBoxed(o); }
        MethodVisitor run = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", "(I)I", null, null);
        run.visitCode();
        run.visitVarInsn(ILOAD, 0);
        run.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
        run.visitVarInsn(ASTORE, 1);
        run.visitVarInsn(ALOAD, 1);
        run.visitMethodInsn(INVOKESTATIC, NAME, "classify", "(Ljava/lang/Object;)I", false);
        run.visitVarInsn(ALOAD, 1);
        run.visitMethodInsn(INVOKESTATIC, NAME, "classifyBoxed", "(Ljava/lang/Object;)I", false);
        run.visitInsn(IADD);
        run.visitInsn(IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();

        cw.visitEnd();
        write(dir, NAME, cw.toByteArray());
    }

    // EnumSwitchSites: run(k) switches TimeUnit.values()[k % 7] at two enumSwitch sites.
    private static void writeEnumSwitch(String dir) throws Exception {
        String unit = "Ljava/util/concurrent/TimeUnit;";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, ENUM_NAME, null, "java/lang/Object", null);
        cw.visitSource("EnumSwitchSites.java", null);
        MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        switchMethod(cw, "coarse", "enumSwitch", unit, ENUM_SWITCH, new Object[] {"SECONDS", "MINUTES"});
        switchMethod(cw, "fine", "enumSwitch", unit, ENUM_SWITCH, new Object[] {"NANOSECONDS", "MILLISECONDS"});
        MethodVisitor run = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", "(I)I", null, null);
        run.visitCode();
        run.visitMethodInsn(INVOKESTATIC, "java/util/concurrent/TimeUnit", "values", "()[Ljava/util/concurrent/TimeUnit;", false);
        run.visitVarInsn(ILOAD, 0);
        run.visitIntInsn(BIPUSH, 7);
        run.visitInsn(IREM);
        run.visitInsn(AALOAD);
        run.visitVarInsn(ASTORE, 1);
        run.visitVarInsn(ALOAD, 1);
        run.visitMethodInsn(INVOKESTATIC, ENUM_NAME, "coarse", "(" + unit + ")I", false);
        run.visitVarInsn(ALOAD, 1);
        run.visitMethodInsn(INVOKESTATIC, ENUM_NAME, "fine", "(" + unit + ")I", false);
        run.visitInsn(IADD);
        run.visitInsn(IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        write(dir, ENUM_NAME, cw.toByteArray());
    }

    private static void write(String dir, String name, byte[] bytes) throws Exception {
        Path out = Path.of(dir, name + ".class");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
    }

    // static int NAME(T o): switch (o) { case labels[0] -> 1; case labels[1] -> 2; default -> 0; }
    private static void switchMethod(ClassWriter cw, String name, String bsmName, String selector, Handle bsm,
            Object[] labels) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, name, "(" + selector + ")I", null, null);
        mv.visitCode();
        Label first = new Label();
        Label second = new Label();
        Label other = new Label();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ICONST_0);   // restart index, as javac passes it
        mv.visitInvokeDynamicInsn(bsmName, "(" + selector + "I)I", bsm, labels);
        mv.visitTableSwitchInsn(0, 1, other, first, second);
        mv.visitLabel(first);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitLabel(second);
        mv.visitInsn(ICONST_2);
        mv.visitInsn(IRETURN);
        mv.visitLabel(other);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
