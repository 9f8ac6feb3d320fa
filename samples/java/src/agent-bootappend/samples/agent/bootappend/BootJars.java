// BL0108 positive (the call site): the invokeinterface of
// Instrumentation.appendToBootstrapClassLoaderSearch(JarFile) a rule looks for.
package samples.agent.bootappend;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

final class BootJars {
    private BootJars() {
    }

    static void append(Instrumentation inst, String path) throws IOException {
        inst.appendToBootstrapClassLoaderSearch(new JarFile(path));
    }
}
