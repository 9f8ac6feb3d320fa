// Seeds BL0007 (positive, float): CONSTANT_Float +0.0f (ConstantValue of POS) and -0.0f (ldc in
// neg()), the float form of BothZerosDouble (javac order: -0.0f first; measured unaffected).
package samples.hazard.zeros;

public final class BothZerosFloat {
    public static final float POS = 0.0f;

    private BothZerosFloat() {
    }

    public static float neg() {
        return -0.0f;
    }

    public static float inverse() {
        return 1 / neg();
    }
}
