// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a field is removed (the original's static counter).
package samples.hazard.shape;

public class RemoveField {
    public static int value() {
        return 1;
    }
}
