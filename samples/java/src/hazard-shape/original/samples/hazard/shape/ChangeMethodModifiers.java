// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a method keeps name and descriptor but public becomes package-private.
package samples.hazard.shape;

public class ChangeMethodModifiers {
    public static int value() {
        return 1;
    }

    public static int other() {
        return 1;
    }
}
