// Seeds a BL01xx agent rule: redefineClasses is called but the agent manifest lacks
// Can-Redefine-Classes: true, so the call throws UnsupportedOperationException.
// (try/finally rather than try-with-resources on purpose: a TWR would add a BL0001 pattern,
// docs/design/hotspot.md section 2, to this jar and blur which rule each class seeds.)
package samples.agent.bad;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;

final class MissingRedefineCapability {
    private MissingRedefineCapability() {
    }

    static void run(Instrumentation inst) {
        Class<?> target = MissingRedefineCapability.class;
        InputStream in = target.getResourceAsStream("MissingRedefineCapability.class");
        if (in == null) {
            return;
        }
        try {
            byte[] bytes = readAll(in);
            inst.redefineClasses(new ClassDefinition(target, bytes));
        } catch (IOException | ClassNotFoundException | UnmodifiableClassException e) {
            System.err.println("bad agent: " + e.getMessage());
        } finally {
            closeQuietly(in);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
