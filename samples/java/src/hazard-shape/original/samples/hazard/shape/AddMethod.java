// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a public static method is added.
package samples.hazard.shape;

public class AddMethod {
    public static int value() {
        return 1;
    }
}
