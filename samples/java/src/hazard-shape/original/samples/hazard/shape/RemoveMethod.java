// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a public method is removed.
package samples.hazard.shape;

public class RemoveMethod {
    public static int value() {
        return 1;
    }

    public static int removed() {
        return 3;
    }
}
