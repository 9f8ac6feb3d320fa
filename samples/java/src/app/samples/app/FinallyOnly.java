// BL0001 control: must not fire. docs/design/hotspot.md section 2, trigger 1: try/finally compiles to a
// catch-any handler (catch_type 0), which names no class, so nothing is pre-resolved.
package samples.app;

public class FinallyOnly {
    static int counter;
    static int cleanups;

    public static void run() {
        try {
            counter++;
        } finally {
            cleanups++;
        }
    }
}
