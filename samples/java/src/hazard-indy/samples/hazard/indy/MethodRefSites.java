// Seeds BL0005 (positive): method references compile to the same LambdaMetafactory.metafactory
// invokedynamic as lambdas (no synthetic lambda$ method, the implementation handle points at the
// referenced method), so they re-link after a retransform exactly like LambdaSites.
package samples.hazard.indy;

import java.util.function.Function;
import java.util.function.Supplier;

public final class MethodRefSites {
    private MethodRefSites() {
    }

    public static int run(int k) {
        Function<String, Integer> length = String::length;      // metafactory, static-less ref
        Supplier<StringBuilder> fresh = StringBuilder::new;       // metafactory, constructor ref
        return length.apply("abc") + fresh.get().append(k).length();
    }
}
