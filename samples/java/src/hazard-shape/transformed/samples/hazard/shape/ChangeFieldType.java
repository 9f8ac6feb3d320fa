// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a field keeps its name but changes its type (int -> long).
package samples.hazard.shape;

public class ChangeFieldType {
    private static long counter;

    public static int value() {
        return (int) ++counter;
    }
}
