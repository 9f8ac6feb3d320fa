// BL01xx positives (agent-bad.jar). The manifest (samples/java/src/agent-bad/manifest.txt) has
// neither Can-Retransform-Classes nor Can-Redefine-Classes, names an Agent-Class without agentmain
// and a Boot-Class-Path jar that is not shipped. premain wires up one small class per API misuse
// so each finding has its own location; this class itself contains no misuse.
package samples.agent.bad;

import java.lang.instrument.Instrumentation;

public final class BadAgent {
    private BadAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        MissingRetransformCapability.run(inst);
        MissingRedefineCapability.run(inst);
        OneArgAddTransformer.install(inst);
        RetransformInLoop.run(inst);
        ScheduledRetransform.start(inst);
        ScheduledRunnableRetransform.start(inst);
    }
}
