// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive, the realistic form: only value()'s body changes in the source, but the new lambda makes
// javac add a private synthetic method lambda$value$0, i.e. a method is added.
package samples.hazard.shape;

import java.util.function.IntSupplier;

public class AddLambda {
    public static int value() {
        IntSupplier two = () -> 2;
        return two.getAsInt();
    }
}
