// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Control for the batch case: body-only like BodyOnly, but retransformed in one call together with a
// class whose shape changes; the whole call fails, so this class keeps its old body.
package samples.hazard.shape;

public class BatchBodyOnly {
    public static int value() {
        return 1;
    }
}
