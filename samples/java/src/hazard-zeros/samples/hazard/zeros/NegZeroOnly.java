// Control for BL0007 (must not fire): only -0.0 is in the pool (+0.0 is loaded with dconst_0, which
// is not a pool entry), so the merge has no second zero to confuse it with; retransforms never change
// the result.
package samples.hazard.zeros;

public final class NegZeroOnly {
    private NegZeroOnly() {
    }

    public static double neg() {
        return -0.0;
    }

    public static double pos() {
        return 0.0;
    }

    public static double inverse() {
        return 1 / neg();
    }
}
