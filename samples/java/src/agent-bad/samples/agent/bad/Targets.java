// Helper shared by the bad agent's classes: the loaded application classes to retransform.
// Collecting them in a loop is fine; retransforming inside the loop is not (RetransformInLoop).
package samples.agent.bad;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

final class Targets {
    private Targets() {
    }

    static Class<?>[] appClasses(Instrumentation inst) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(c) && c.getName().startsWith("samples.app.")) {
                found.add(c);
            }
        }
        return found.toArray(new Class<?>[0]);
    }
}
