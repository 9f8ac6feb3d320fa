// Control for BL0005 (must not fire): same work as LambdaSites.run without any invokedynamic, so a
// retransform loop over it shows the baseline: the loaded-class counter still rises by one per
// retransform (the scratch class counts as loaded), Metaspace does not grow.
package samples.hazard.indy;

public final class NoIndy {
    private NoIndy() {
    }

    public static int run(int k) {
        int sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += sum + i;
        }
        return sum;
    }
}
