// BL0001 control: must not fire. docs/design/hotspot.md section 2, trigger 2: a catch (Throwable t) that never
// touches a Throwable member leaves no Fieldref/Methodref on the Throwable class entry, and the
// measured class did not leak (oracle case exp1-CatchThrowableNoCall).
package samples.app;

public class CatchThrowableNoCall {
    static int counter;
    static Object last;

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
            last = t;
        }
    }
}
