// Suppression case: a BL0001 positive (catch (Throwable t) + t.printStackTrace(), docs/design/hotspot.md
// section 2) where only the method holding the handler carries @SuppressBytecodeLint("BL0001");
// the class itself is not annotated. The finding must be reported as suppressed.
// (PartiallySuppressed has a second, unannotated positive next to a suppressed one.)
package samples.app;

public class SuppressedMethod {
    static int counter;

    @SuppressBytecodeLint(value = "BL0001", justification = "diagnostic path, reviewed")
    public static void run(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }

    public static void count() {
        counter++;
    }
}
