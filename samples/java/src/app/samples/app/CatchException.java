// BL0001 control: must not fire. docs/design/hotspot.md section 2, trigger 1: only a handler whose catch type is
// exactly java/lang/Throwable is pre-resolved; here the catch type and the printStackTrace Methodref
// both name java/lang/Exception (oracle case exp1-CatchException: no leak).
package samples.app;

public class CatchException {
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
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
