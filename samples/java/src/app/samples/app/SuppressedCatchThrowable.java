// Suppression case: a BL0001 positive (catch (Throwable t) + t.printStackTrace(), docs/design/hotspot.md
// section 2) whose whole class is annotated @SuppressBytecodeLint("BL0001"): the finding must be
// reported as suppressed, not as an active diagnostic.
package samples.app;

@SuppressBytecodeLint(value = "BL0001", justification = "loaded once at startup, never retransformed")
public class SuppressedCatchThrowable {
    static int counter;

    static void work() {
        counter++;
        if (counter < 0) {
            throw new IllegalStateException("never");
        }
    }

    public static void run() {
        try {
            work();
        } catch (Throwable t) {
            t.printStackTrace();
        }
    }
}
