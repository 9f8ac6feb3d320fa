// BL0004 control: must not fire. docs/design/hotspot.md section 5: only NaN breaks the merge's == comparison.
// Signed zeros, infinities and the extreme finite values all compare equal to themselves, so these
// Float/Double pool entries are matched and reused on retransform.
package samples.app;

public class FloatSpecials {
    static double[] doubles;
    static float[] floats;

    public static void fill() {
        doubles = new double[] {
            0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE, 1.5
        };
        floats = new float[] {
            0.0f, -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MAX_VALUE, 2.5f
        };
    }
}
