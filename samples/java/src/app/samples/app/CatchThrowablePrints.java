// Seeds BL0001 (positive). docs/design/hotspot.md section 2: the exception table has a handler whose catch type
// is exactly java/lang/Throwable, and t.printStackTrace() puts a Methodref whose class is that same
// Throwable class entry into the pool. On JDK 17-21 the verifier pre-resolves the handler's class,
// so every retransform appends that Methodref again (+2 pool entries each time; measured in the
// oracle case exp1-CatchThrowable). Also compiled with --release 8 and 11
// (major 52 and 55): the rule fires on the class file whatever its version >= 50.
package samples.app;

public class CatchThrowablePrints {
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
