// Seeds BL0004 (positive, both kinds). docs/design/hotspot.md section 5: the constant-pool merge compares
// Float/Double entries with C++ ==, and NaN never equals itself, so every NaN entry (and each copy
// appended before) is appended again on every retransform: the pool doubles each time, on every JDK
// measured. Double.NaN and Float.NaN are compile-time constants, so javac puts a CONSTANT_Double
// NaN and a CONSTANT_Float NaN into the pool and loads them with ldc2_w / ldc (oracle case nan-javac).
package samples.app;

public class NaNConstants {
    static double d = Double.NaN;
    static float f = Float.NaN;

    public static void reset() {
        d = Double.NaN;
        f = Float.NaN;
    }

    public static boolean isUnset() {
        return Double.isNaN(d) || Float.isNaN(f);
    }
}
