// Seeds BL0001 (positive). docs/design/hotspot.md section 2: catch (Throwable t) plus t.getMessage(), a
// Methodref on java/lang/Throwable. Same trigger as CatchThrowablePrints through a different member.
package samples.app;

public class CatchThrowableGetMessage {
    static int counter;
    static String lastError;

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
            lastError = t.getMessage();
        }
    }
}
