// Measured for BL0005: javac 9+ compiles string concatenation to an invokedynamic bootstrapped by
// StringConcatFactory.makeConcatWithConstants. These sites are unlinked by a retransform too; see
// samples/java/measure/results/indy.md for whether re-linking them spins classes on 17 and 25.
package samples.hazard.indy;

public final class StringConcatSites {
    private StringConcatSites() {
    }

    public static int run(int k) {
        String a = "a" + k;
        String b = a + ":" + (k + 1);
        String c = b + '/' + a.length() + "/" + (long) k;
        String d = "x" + (double) k + c;
        return a.length() + b.length() + c.length() + d.length();
    }
}
