// BL0006 measurement driver (not a committed output; measure-shape.sh builds it into an agent jar).
// For each case, retransforms one class of hazard-shape-original.jar with a retransform-capable
// transformer that returns the class's counterpart from hazard-shape-transformed.jar, and prints
// whether retransformClasses succeeded or the exception it threw (class and exact message).
// A case "A+B" retransforms A and B in one call (to show the batch fails as a whole).
// Usage: java -javaagent:driver.jar -cp original.jar samples.measure.ShapeHarness TRANSFORMED.jar CASE...
package samples.measure;

import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarFile;

public final class ShapeHarness {
    private static final String PKG = "samples/hazard/shape/";
    private static volatile Instrumentation instrumentation;
    private static final Map<String, byte[]> REPLACEMENTS = new HashMap<>();

    private ShapeHarness() {
    }

    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    public static void main(String[] args) throws Exception {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd, byte[] buf) {
                return REPLACEMENTS.get(name);   // null for every class that is not a current target
            }
        }, true);
        try (JarFile transformed = new JarFile(args[0])) {
            for (int i = 1; i < args.length; i++) {
                run(transformed, args[i]);
            }
        }
    }

    private static void run(JarFile transformed, String spec) throws Exception {
        REPLACEMENTS.clear();
        String[] names = spec.split("\\+");
        Class<?>[] classes = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            String internal = PKG + names[i];
            classes[i] = Class.forName(internal.replace('/', '.'));
            REPLACEMENTS.put(internal, read(transformed.getInputStream(transformed.getEntry(internal + ".class"))));
        }
        String before = values(classes);
        String outcome;
        try {
            instrumentation.retransformClasses(classes);
            outcome = "OK";
        } catch (Throwable t) {
            outcome = t.getClass().getName() + ": " + t.getMessage();
        }
        System.out.printf("CASE %s | %s | value() %s -> %s%n", spec, outcome, before, values(classes));
    }

    private static String values(Class<?>[] classes) {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : classes) {
            try {
                sb.append(sb.length() == 0 ? "" : ",").append(c.getMethod("value").invoke(null));
            } catch (ReflectiveOperationException e) {
                sb.append(sb.length() == 0 ? "" : ",").append('-');
            }
        }
        return sb.toString();
    }

    private static byte[] read(InputStream in) throws Exception {
        try (InputStream s = in) {
            return s.readAllBytes();
        }
    }
}
