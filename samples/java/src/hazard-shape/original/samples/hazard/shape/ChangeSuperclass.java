// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: the superclass changes from Object to ShapeBase.
package samples.hazard.shape;

public class ChangeSuperclass {
    public static int value() {
        return 1;
    }
}
