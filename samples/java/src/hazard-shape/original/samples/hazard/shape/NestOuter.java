// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: the transformed outer class declares one more nested class, so its NestMembers attribute
// lists NestOuter$Extra as well (fields and methods unchanged). The transformer never retransforms
// NestOuter$Inner; measure-shape.sh removes Inner's NestHost attribute with ASM for the NestHost case.
package samples.hazard.shape;

public class NestOuter {
    public static int value() {
        return Inner.ONE;
    }

    static class Inner {
        static final int ONE = 1;
    }
}
