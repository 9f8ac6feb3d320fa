// BL0107, lambda forms. Compiled with --release 8, where ClassFileTransformer.transform (5 arguments)
// is still abstract, so a transformer can be a lambda (from JDK 9 on both transform methods are
// default methods and javac refuses a lambda). The lambda bodies are the synthetic methods
// lambda$premain$0 / lambda$premain$1 of this class, reached through a LambdaMetafactory site.
// Agent argument "null" registers the control; anything else the positive.
package samples.agent.bufferlambda;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;

public final class LambdaBufferAgent {
    private LambdaBufferAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        // BL0107 positive: returns the buffer for every class.
        ClassFileTransformer echo = (loader, name, redefined, domain, buffer) -> buffer;
        // Control: returns null for every class.
        ClassFileTransformer skip = (loader, name, redefined, domain, buffer) -> null;
        inst.addTransformer("null".equals(args) ? skip : echo, true);
    }
}
