// BL0107 agent: registers one of the transformers of this package, chosen by the agent argument
// "KIND[,noretransform]" (KIND = buffer | null | helper | anonymous | inner | conditional-buffer |
// conditional-null | module-buffer), retransform-capable unless ",noretransform" is given. Used by
// measure/measure-buffer.sh; each transformer's class comment says whether BL0107 must fire.
// Positive here as well: the anonymous class and the inner class below return classfileBuffer.
package samples.agent.buffer;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

public final class BufferAgent {
    private BufferAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        agentmain(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        String[] parts = (args == null ? "null" : args).split(",");
        boolean canRetransform = !(parts.length > 1 && parts[1].equals("noretransform"));
        inst.addTransformer(create(parts[0]), canRetransform);
    }

    static ClassFileTransformer create(String kind) {
        switch (kind) {
            case "buffer":
                return new ReturnsBufferTransformer();
            case "null":
                return new ReturnsNullTransformer();
            case "helper":
                return new HelperReturnsBufferTransformer();
            case "conditional-buffer":
                return new ConditionalBufferTransformer("samples/");
            case "conditional-null":
                return new ConditionalNullTransformer("samples/");
            case "module-buffer":
                return new ModuleFormBufferTransformer();
            case "inner":
                return new BufferAgent().new InnerTransformer();
            case "anonymous":
                // BL0107 positive: an anonymous transformer that hands back the buffer unchanged.
                return new ClassFileTransformer() {
                    @Override
                    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
                        return classfileBuffer;
                    }
                };
            default:
                throw new IllegalArgumentException("unknown transformer kind " + kind);
        }
    }

    /** BL0107 positive: a (non-static) inner class returning the buffer. */
    final class InnerTransformer implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                ProtectionDomain domain, byte[] classfileBuffer) {
            return classfileBuffer;
        }
    }
}
