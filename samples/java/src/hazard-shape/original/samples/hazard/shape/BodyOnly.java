// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Control: only a method body changes, which retransformation allows; the retransform succeeds.
package samples.hazard.shape;

public class BodyOnly {
    public static int value() {
        return 1;
    }
}
