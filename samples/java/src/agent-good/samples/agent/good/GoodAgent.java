// Control agent (agent-good.jar): every BL01xx agent rule and BL0002 must stay silent.
// docs/design/hotspot.md section 5 (last bullet): retransformClasses needs Can-Retransform-Classes: true in the
// manifest (present: samples/java/src/agent-good/manifest.txt) and a transformer added with
// addTransformer(t, true).
// It retransforms exactly once, outside the loop that only collects the targets. Agent-Class names
// this class, which has agentmain.
package samples.agent.good;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;

public final class GoodAgent {
    private GoodAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        install(inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        install(inst);
    }

    static void install(Instrumentation inst) {
        inst.addTransformer(new EntryHookTransformer(), true);

        List<Class<?>> targets = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (inst.isModifiableClass(c) && c.getName().startsWith(EntryHookTransformer.TARGET_PREFIX_DOTTED)) {
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

        // Pure class generation, not on a retransform path (see ProxyGenerator).
        GeneratedClassLoader.define(EntryHookTransformer.class.getClassLoader(), ProxyGenerator.GREETER,
                ProxyGenerator.generateGreeter());
    }
}
