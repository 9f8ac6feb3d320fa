// BL0005 edge case: lambda sites in a method that the application never calls after the class is
// loaded. They are present in the file but never linked, so they cost nothing per retransform;
// a static rule cannot know this and should count them as "can run again" (they are not in <clinit>).
package samples.hazard.indy;

import java.util.function.IntSupplier;

public final class UnexecutedLambda {
    private UnexecutedLambda() {
    }

    public static int run(int k) {
        return k;
    }

    public static int rarelyCalled(int k) {
        IntSupplier a = () -> k;
        IntSupplier b = () -> k * 2;
        return a.getAsInt() + b.getAsInt();
    }
}
