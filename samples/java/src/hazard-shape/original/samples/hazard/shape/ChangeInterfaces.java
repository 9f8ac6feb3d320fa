// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: the class gains an interface (java.io.Serializable).
package samples.hazard.shape;

public class ChangeInterfaces {
    public static int value() {
        return 1;
    }
}
