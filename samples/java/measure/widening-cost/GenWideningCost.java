// Writes (original, transformed) class pairs whose retransform makes HotSpot widen a chosen number
// of ldc in one method, with the method's other parts (exception table, LineNumberTable,
// LocalVariableTable, StackMapTable, annotations) sized at will. Both classes have the same members
// and constants; only the pool order differs:
//   original:    the filler ints take the low pool indices, so run()'s ints sit above 255 and every
//                load is ldc_w;
//   transformed: run()'s ints come first, below 256, loaded with 1-byte ldc, as a fresh-pool writer
//                (new ClassWriter(flags), BL0002) numbers them when it visits run() first.
// The merge maps each of them back to its old index above 255, so each ldc must become ldc_w, and
// HotSpot clones run() once per widened ldc (docs/design/hotspot.md section 4).
// Each int constant is loaded LOADS times (two) so that W can exceed the ~250 single-slot constants
// that fit below index 256.
// Usage: java -cp asm.jar GenWideningCost.java OUT_DIR   (writes OUT_DIR/<case>/{original,transformed}.class
// and OUT_DIR/cases.tsv with each case's components)
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

public class GenWideningCost {
    /** W widened ldc; exc exception-table entries (3 per wrapped call site); lnt, lvt entries;
     *  frames full frames over smtLocals String locals (class version 52, else 49 without frames);
     *  annot elements of a method annotation array and of a parameter annotation array. */
    record Case(String name, int w, int exc, int lnt, int lvt, int frames, int smtLocals, int annot) {}

    static final Case[] CASES = {
        new Case("base-w150", 150, 0, 0, 0, 0, 0, 0),
        new Case("base-w300", 300, 0, 0, 0, 0, 0, 0),
        new Case("base-w450", 450, 0, 0, 0, 0, 0, 0),
        new Case("exc450-w300", 300, 450, 0, 0, 0, 0, 0),
        new Case("exc900-w150", 150, 900, 0, 0, 0, 0, 0),
        new Case("exc900-w300", 300, 900, 0, 0, 0, 0, 0),
        new Case("exc1800-w300", 300, 1800, 0, 0, 0, 0, 0),
        new Case("exc2700-w300", 300, 2700, 0, 0, 0, 0, 0),
        new Case("lnt1500-w300", 300, 0, 1500, 0, 0, 0, 0),
        new Case("lnt3000-w300", 300, 0, 3000, 0, 0, 0, 0),
        new Case("lvt500-w300", 300, 0, 0, 500, 0, 0, 0),
        new Case("lvt1000-w300", 300, 0, 0, 1000, 0, 0, 0),
        new Case("smt150x200-w300", 300, 0, 0, 0, 150, 200, 0),
        new Case("smt300x200-w300", 300, 0, 0, 0, 300, 200, 0),
        new Case("annot2000-w300", 300, 0, 0, 0, 0, 0, 2000),
        new Case("annot4000-w300", 300, 0, 0, 0, 0, 0, 4000),
        new Case("agent-wrap-w300", 300, 900, 1200, 300, 0, 0, 1000),
    };
    static final int LOADS = 2;
    static final int FILLERS = 300;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(Files.createDirectories(out).resolve("cases.tsv")))) {
            tsv.println("case\tclass\tversion\tw\texception_entries\tlnt_entries\tlvt_entries\tfull_frames\tframe_locals\tannotation_elements");
            for (Case c : CASES) {
                String cls = "wc/" + c.name().replace("-", "_");
                Path dir = Files.createDirectories(out.resolve(c.name()));
                Files.write(dir.resolve("original.class"), generate(c, cls, false));
                Files.write(dir.resolve("transformed.class"), generate(c, cls, true));
                tsv.printf("%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n", c.name(), cls.replace('/', '.'),
                        c.frames() > 0 ? 52 : 49, c.w(), c.exc(), c.lnt(), c.lvt(), c.frames(), c.smtLocals(), c.annot());
            }
        }
    }

    static int hot(int i) { return 1_000_000 + i; }          // run()'s constants
    static int filler(int i) { return 2_000_000 + i; }       // the other constants

    static byte[] generate(Case c, String cls, boolean transformed) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        boolean frames = c.frames() > 0;
        cw.visit(frames ? Opcodes.V1_8 : Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, cls, null, "java/lang/Object", null);
        int distinct = c.w() / LOADS;
        // The pool order is the only difference between the two classes.
        if (transformed) { for (int i = 0; i < distinct; i++) cw.newConst(hot(i)); }
        for (int i = 0; i < FILLERS; i++) cw.newConst(filler(i));
        if (!transformed) { for (int i = 0; i < distinct; i++) cw.newConst(hot(i)); }
        MethodVisitor ctor = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        ctor.visitCode();
        ctor.visitVarInsn(Opcodes.ALOAD, 0);
        ctor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        ctor.visitInsn(Opcodes.RETURN);
        ctor.visitMaxs(0, 0);
        ctor.visitEnd();
        // fillers(): loads every filler once, so they are real constants of the class in both forms
        MethodVisitor f = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "fillers", "()I", null, null);
        f.visitCode();
        f.visitInsn(Opcodes.ICONST_0);
        for (int i = 0; i < FILLERS; i++) { f.visitLdcInsn(filler(i)); f.visitInsn(Opcodes.IADD); }
        f.visitInsn(Opcodes.IRETURN);
        f.visitMaxs(0, 0);
        f.visitEnd();
        writeRun(cw, c, distinct, frames);
        cw.visitEnd();
        return cw.toByteArray();
    }

    static void writeRun(ClassWriter cw, Case c, int distinct, boolean frames) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(Ljava/lang/String;)I", null, null);
        if (c.annot() > 0) {
            AnnotationVisitor a = m.visitAnnotation("Lwc/Big;", true);
            AnnotationVisitor arr = a.visitArray("value");
            for (int i = 0; i < c.annot(); i++) arr.visit(null, filler(i % FILLERS));
            arr.visitEnd();
            a.visitEnd();
            AnnotationVisitor p = m.visitParameterAnnotation(0, "Lwc/Big;", true);
            AnnotationVisitor parr = p.visitArray("value");
            for (int i = 0; i < c.annot(); i++) parr.visit(null, filler(i % FILLERS));
            parr.visitEnd();
            p.visitEnd();
        }
        m.visitCode();
        // locals: 0 = the String argument, 1 = the int accumulator, 2.. = String copies (stack map case)
        int firstCopy = 2;
        Object[] locals = new Object[firstCopy + c.smtLocals()];
        locals[0] = "java/lang/String";
        locals[1] = Opcodes.INTEGER;
        m.visitInsn(Opcodes.ICONST_0);
        m.visitVarInsn(Opcodes.ISTORE, 1);
        for (int i = 0; i < c.smtLocals(); i++) {
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitVarInsn(Opcodes.ASTORE, firstCopy + i);
            locals[firstCopy + i] = "java/lang/String";
        }
        Label start = new Label();
        m.visitLabel(start);
        int line = 1;
        int lntLeft = c.lnt();
        Label[] handlers = new Label[3];
        for (int h = 0; h < 3; h++) handlers[h] = new Label();
        int loads = distinct * LOADS;
        // wrapped call sites, 3 entries each (catch RuntimeException, catch Error, finally); past
        // one wrapper per load the same range is wrapped again, as stacked agents would
        int perSite = 3 * Math.max(1, (c.exc() + 3 * loads - 1) / (3 * loads));
        int excLeft = c.exc();
        int frameEvery = c.frames() > 0 ? Math.max(1, loads / c.frames()) : 0;
        int framesLeft = c.frames();
        for (int k = 0; k < loads; k++) {
            Label l = new Label();
            m.visitLabel(l);
            if (lntLeft > 0) { m.visitLineNumber(line, l); line += 3; lntLeft--; }
            boolean wrapped = excLeft > 0;
            Label end = new Label();
            m.visitVarInsn(Opcodes.ILOAD, 1);
            m.visitLdcInsn(hot(k % distinct));
            m.visitInsn(Opcodes.IADD);
            m.visitVarInsn(Opcodes.ISTORE, 1);
            if (wrapped) {
                m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "onSpinWait", "()V", false);
                m.visitLabel(end);
                for (int e = 0; e < perSite && excLeft > 0; e += 3, excLeft -= 3) {
                    m.visitTryCatchBlock(l, end, handlers[0], "java/lang/RuntimeException");
                    m.visitTryCatchBlock(l, end, handlers[1], "java/lang/Error");
                    m.visitTryCatchBlock(l, end, handlers[2], null);
                }
            }
            if (frameEvery > 0 && framesLeft > 0 && k % frameEvery == frameEvery - 1) {
                // two ints on the stack at a branch target: the frame must be a full_frame listing all locals
                Label target = new Label();
                m.visitInsn(Opcodes.ICONST_0);
                m.visitInsn(Opcodes.ICONST_0);
                m.visitVarInsn(Opcodes.ILOAD, 1);
                m.visitJumpInsn(Opcodes.IFEQ, target);
                m.visitLabel(target);
                m.visitFrame(Opcodes.F_NEW, locals.length, locals, 2, new Object[] {Opcodes.INTEGER, Opcodes.INTEGER});
                m.visitInsn(Opcodes.POP2);
                framesLeft--;
            }
        }
        // pad with nops so that each remaining line entry has its own instruction
        while (lntLeft > 0) {
            Label l = new Label();
            m.visitLabel(l);
            m.visitLineNumber(line, l);
            line += 3;
            lntLeft--;
            m.visitInsn(Opcodes.NOP);
        }
        m.visitVarInsn(Opcodes.ILOAD, 1);
        Label done = new Label();
        m.visitLabel(done);
        m.visitInsn(Opcodes.IRETURN);
        if (c.exc() > 0) {
            for (Label h : handlers) {
                m.visitLabel(h);
                if (frames) m.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
                m.visitInsn(Opcodes.ATHROW);
            }
        }
        for (int i = 0; i < c.lvt(); i++) {
            // distinct names: HotSpot rejects duplicated entries
            m.visitLocalVariable("v" + i, "Ljava/lang/String;", null, start, done, 0);
        }
        m.visitMaxs(0, 0);
        m.visitEnd();
    }
}
