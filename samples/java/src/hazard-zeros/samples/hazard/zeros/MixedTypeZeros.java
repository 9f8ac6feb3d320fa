// Control for BL0007 (must not fire): a Double -0.0 and a Float +0.0 (ConstantValue). The merge
// compares tags first, so zeros of different types never match each other.
package samples.hazard.zeros;

public final class MixedTypeZeros {
    public static final float POS = 0.0f;

    private MixedTypeZeros() {
    }

    public static double neg() {
        return -0.0;
    }

    public static double inverse() {
        return 1 / neg();
    }
}
