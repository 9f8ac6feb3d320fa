// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: a private method is added (refused since JDK 13, JDK-8192936).
package samples.hazard.shape;

public class AddPrivateMethod {
    public static int value() {
        return helper();
    }

    private static int helper() {
        return 2;
    }
}
