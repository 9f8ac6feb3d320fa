// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a private method is removed (inlined into its caller).
package samples.hazard.shape;

public class RemovePrivateMethod {
    public static int value() {
        return 1;
    }
}
