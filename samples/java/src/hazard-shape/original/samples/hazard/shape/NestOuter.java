// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: the transformed outer class declares one more nested class, so its NestMembers attribute
// lists NestOuter$Extra as well (fields and methods unchanged). The transformer never retransforms
// NestOuter$Inner; build.sh (gen/GenDropNestHost.java) strips the transformed Inner's NestHost: the NestHost case.
package samples.hazard.shape;

public class NestOuter {
    public static int value() {
        return Inner.ONE;
    }

    static class Inner {
        static final int ONE = 1;
    }
}
