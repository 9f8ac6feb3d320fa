// BL0107/BL0108 measurement driver (not a committed output; measure-buffer.sh / measure-bootappend.sh
// build it). "classlist": loads (without initialising) every class named in the JDK's default CDS
// class list (JAVA_HOME/lib/classlist), i.e. classes that are in the default CDS archive. "jar PATH":
// loads every class of PATH through the application class loader. Then forces full GCs and prints
// the classes it loaded, the elapsed time, Metaspace used and, when -XX:NativeMemoryTracking is on,
// the committed size of NMT's Internal category (where JVMTI keeps cached class-file bytes).
package samples.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

public final class BufferHarness {
    private BufferHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        if (args[0].equals("classlist")) {
            for (String line : Files.readAllLines(Path.of(System.getProperty("java.home"), "lib", "classlist"))) {
                if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("@")) {
                    names.add(line.split(" ")[0].replace('/', '.'));
                }
            }
        } else {
            try (JarFile jar = new JarFile(args[1])) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    String n = e.nextElement().getName();
                    if (n.endsWith(".class") && !n.contains("-")) {
                        names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                    }
                }
            }
        }
        ClassLoader app = ClassLoader.getSystemClassLoader();
        long start = System.nanoTime();
        int loaded = 0;
        for (String n : names) {
            try {
                Class.forName(n, false, app);
                loaded++;
            } catch (Throwable t) {
                // missing optional dependency or inaccessible: skipped, counted as not loaded
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.printf("RESULT names=%d loaded=%d load_ms=%d metaspace_used_KB=%d nmt_internal_KB=%s%n",
                names.size(), loaded, ms, metaspaceUsed() / 1024, nmtInternal());
    }

    private static long metaspaceUsed() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        return -1;
    }

    private static String nmtInternal() {
        try {
            String summary = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            Matcher m = Pattern.compile("-\\s+Internal \\(reserved=\\d+KB, committed=(\\d+)KB").matcher(summary);
            return m.find() ? m.group(1) : "n/a";
        } catch (Exception e) {
            return "n/a";
        }
    }
}
