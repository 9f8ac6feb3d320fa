// BL0001 control: must not fire. docs/design/hotspot.md section 2, trigger 1: a synchronized block compiles to
// a catch-any handler (catch_type 0) that releases the monitor; no Throwable class entry is used.
package samples.app;

public class SynchronizedBlock {
    private static final Object LOCK = new Object();
    static int counter;

    public static void run() {
        synchronized (LOCK) {
            counter++;
        }
    }
}
