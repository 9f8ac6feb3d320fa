// Seeds BL0007 (positive by the rule's condition, javac order): -0.0 (ldc2_w in neg(), #7) comes
// before +0.0, which here is an annotation element value (@Zero(0.0), read through the constant pool
// by reflection) rather than a ConstantValue. A pool-shifting retransform maps the scratch +0.0 onto
// the lower-indexed -0.0 per the merge rule, but measured on 17 and 25 neither neg() nor
// @Zero.value() changed (0.0 stays 0.0): the visible flip needs +0.0 first (PosZeroFirstDouble).
package samples.hazard.zeros;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

public final class NegZeroFirst {
    private NegZeroFirst() {
    }

    @Retention(RetentionPolicy.RUNTIME)
    public @interface Zero {
        double value();
    }

    public static double neg() {
        return -0.0;
    }

    @Zero(0.0)
    public static double inverse() {
        return 1 / neg();
    }
}
