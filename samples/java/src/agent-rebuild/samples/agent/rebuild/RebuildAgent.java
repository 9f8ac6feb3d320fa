// BL0002 positives (agent-rebuild.jar). The packaging is correct (Can-Retransform-Classes: true,
// addTransformer(t, true), one retransformClasses call), so no BL01xx rule should fire; the bugs are
// the three transformers, each of which rebuilds the constant pool of the class it is given
// (docs/design/hotspot.md section 3).
package samples.agent.rebuild;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

public final class RebuildAgent {
    private RebuildAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        install(inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        install(inst);
    }

    static void install(Instrumentation inst) {
        inst.addTransformer(new FreshPoolTransformer(), true);
        inst.addTransformer(new SubclassWriterTransformer(), true);
        inst.addTransformer(new NullReaderTransformer(), true);

        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(c) && c.getName().startsWith(Targets.PREFIX_DOTTED)) {
                targets.add(c);
            }
        }
        if (!targets.isEmpty()) {
            try {
                inst.retransformClasses(targets.toArray(new Class<?>[0]));
            } catch (UnmodifiableClassException e) {
                System.err.println("samples agent: cannot retransform: " + e.getMessage());
            }
        }
    }
}
