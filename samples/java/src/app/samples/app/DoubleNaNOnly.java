// Seeds BL0004 (positive, double only). docs/design/hotspot.md section 5: a single CONSTANT_Double NaN entry,
// loaded with ldc2_w, is enough for the pool to double on every retransform. 0.0 / 0.0 is a
// constant expression, so javac folds it to the same NaN constant as Double.NaN.
package samples.app;

public class DoubleNaNOnly {
    static double mean = 0.0 / 0.0;

    public static void reset() {
        mean = Double.NaN;
    }
}
