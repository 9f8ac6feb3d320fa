// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: the transformed class has one more (private instance) field: "attempted to change the schema".
package samples.hazard.shape;

public class AddField {
    private int added;

    public static int value() {
        return new AddField().added + 1;
    }
}
