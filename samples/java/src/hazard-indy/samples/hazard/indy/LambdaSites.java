// Seeds BL0005 (positive): eight LambdaMetafactory.metafactory invokedynamic sites in an ordinary
// method. A retransform gives the class a fresh constant-pool cache, so every indy site is unlinked
// and its next execution runs the bootstrap again, spinning a new hidden proxy class that is tied
// to the class loader and never unloaded while the loader lives (docs/design/hotspot.md §6,
// samples/java/measure/results/indy.md). run(k) executes only the first k sites, so the measurement
// can show that the cost follows the executed sites, not the sites present in the file.
package samples.hazard.indy;

import java.util.function.IntUnaryOperator;

public final class LambdaSites {
    private LambdaSites() {
    }

    /** Executes the first {@code k} (0..8) lambda sites once each and returns a checksum. */
    public static int run(int k) {
        int sum = 0;
        if (k > 0) { IntUnaryOperator f = x -> x + 1; sum += f.applyAsInt(sum); }
        if (k > 1) { IntUnaryOperator f = x -> x + 2; sum += f.applyAsInt(sum); }
        if (k > 2) { IntUnaryOperator f = x -> x + 3; sum += f.applyAsInt(sum); }
        if (k > 3) { IntUnaryOperator f = x -> x + 4; sum += f.applyAsInt(sum); }
        if (k > 4) { IntUnaryOperator f = x -> x + 5; sum += f.applyAsInt(sum); }
        if (k > 5) { IntUnaryOperator f = x -> x + 6; sum += f.applyAsInt(sum); }
        if (k > 6) { IntUnaryOperator f = x -> x + 7; sum += f.applyAsInt(sum); }
        if (k > 7) { IntUnaryOperator f = x -> x + 8; sum += f.applyAsInt(sum); }
        return sum;
    }
}
