// Stand-in for OpenJPA's runtime redefinition (ClassRedefiner), which needs a JPA persistence unit
// with unenhanced entities: an agent whose retransform-capable transformer passes the class
// through OpenJPA's own output path unchanged -- serp reads it (BCClass), AsmAdaptor.toByteArray
// writes it with AsmAdaptor$BCClassWriter (xbean ASM 5, new ClassWriter(COMPUTE_FRAMES), no reader).
// No enhancement is applied, so what the merge log shows is the writer's effect on the pool alone.
// Built and driven by run-agent.sh (agent "openjpa"); the target is retransformed once, on request
// (a line on the target's stdin), by this agent's listener thread.
package agents.openjpa;

import java.io.ByteArrayInputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

public final class OpenJpaWriterAgent {
    private OpenJpaWriterAgent() {
    }

    public static void premain(String target, Instrumentation inst) {
        String internalName = target.replace('.', '/');
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd, byte[] buffer) {
                if (redefined == null || !internalName.equals(name)) {
                    return null;
                }
                try {
                    serp.bytecode.BCClass bc = new serp.bytecode.Project().loadClass(new ByteArrayInputStream(buffer), loader);
                    return org.apache.openjpa.enhance.AsmAdaptor.toByteArray(bc, buffer);
                } catch (Exception | LinkageError e) {
                    e.printStackTrace();
                    return null;
                }
            }
        }, true);
        Thread t = new Thread(() -> {
            try {
                // retransform once the target has run (the file appears), as ClassRedefiner does once
                java.nio.file.Path flag = java.nio.file.Path.of(System.getProperty("openjpa.flag"));
                while (!java.nio.file.Files.exists(flag)) {
                    Thread.sleep(100);
                }
                for (Class<?> c : inst.getAllLoadedClasses()) {
                    if (c.getName().equals(target)) {
                        inst.retransformClasses(c);
                        System.out.println("openjpa writer retransformed " + target);
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
