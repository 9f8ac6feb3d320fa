// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a field keeps name and type but loses private and gains volatile.
package samples.hazard.shape;

public class ChangeFieldModifiers {
    static volatile int counter;

    public static int value() {
        return ++counter;
    }
}
