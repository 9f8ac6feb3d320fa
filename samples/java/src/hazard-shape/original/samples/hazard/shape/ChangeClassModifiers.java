// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: the class becomes final.
package samples.hazard.shape;

public class ChangeClassModifiers {
    public static int value() {
        return 1;
    }
}
