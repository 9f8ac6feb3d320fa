// Seeds BL0007 (positive, double): the pool holds CONSTANT_Double -0.0 (ldc2_w in neg(), #7) and
// CONSTANT_Double +0.0 (the ConstantValue of POS, #18). The retransform merge compares doubles with
// C ==, where -0.0 == +0.0, so a pool-shifting transformer's scratch zeros are all mapped onto the
// lower-indexed old zero. javac always gives -0.0 (a code constant) the lower index, so here the
// +0.0 ConstantValue is the one remapped, which is not read again after initialisation: measured,
// neg() stays -0.0 on 17 and 25. PosZeroFirstDouble (ASM, +0.0 first) is the form whose result
// flips. A rule cannot see which sign wins without simulating the merge: flag both.
package samples.hazard.zeros;

public final class BothZerosDouble {
    public static final double POS = 0.0;

    private BothZerosDouble() {
    }

    public static double neg() {
        return -0.0;
    }

    public static double inverse() {
        return 1 / neg();
    }
}
