// Suppression case: two BL0001 positives (docs/design/hotspot.md section 2) in one class; only the method
// suppressed() carries @SuppressBytecodeLint("BL0001"). The finding located in unsuppressed()
// (t.getMessage()) must stay active; the one in suppressed() (t.printStackTrace()) is suppressed.
package samples.app;

public class PartiallySuppressed {
    static String lastError;

    @SuppressBytecodeLint(value = "BL0001", justification = "diagnostic path, reviewed")
    public static void suppressed(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }

    public static void unsuppressed(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            lastError = t.getMessage();
        }
    }
}
