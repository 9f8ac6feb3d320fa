// Control for BL0005 (must not fire): the only LambdaMetafactory site is in <clinit>. A retransform
// never re-runs a static initializer, so the site is never executed again and never re-links; the
// proxy object created at class initialisation is kept in the static field and keeps working.
package samples.hazard.indy;

import java.util.function.IntUnaryOperator;

public final class ClinitOnlyLambda {
    private static final IntUnaryOperator INC = x -> x + 1;

    private ClinitOnlyLambda() {
    }

    public static int run(int k) {
        return INC.applyAsInt(k);
    }
}
