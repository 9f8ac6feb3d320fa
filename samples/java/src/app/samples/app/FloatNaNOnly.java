// Seeds BL0004 (positive, float only). docs/design/hotspot.md section 5: a single CONSTANT_Float NaN entry,
// loaded with ldc, is enough for the pool to double on every retransform.
package samples.app;

public class FloatNaNOnly {
    static float ratio = Float.NaN;

    public static void reset() {
        ratio = Float.NaN;
    }
}
