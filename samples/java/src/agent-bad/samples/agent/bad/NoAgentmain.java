// Seeds a BL01xx agent rule: the manifest's Agent-Class names this class, but it has no
// agentmain(String, Instrumentation) (nor agentmain(String)); the method below is misspelt
// agentMain. Dynamic attach (VirtualMachine.loadAgent) fails with "Agent JAR loaded but agent
// failed to initialize".
package samples.agent.bad;

import java.lang.instrument.Instrumentation;

public final class NoAgentmain {
    private NoAgentmain() {
    }

    public static void agentMain(String args, Instrumentation inst) {
        BadAgent.premain(args, inst);
    }
}
