// Seeds BL0005 (positive, altMetafactory): a Serializable lambda and a lambda with a marker
// interface compile to LambdaMetafactory.altMetafactory; the class also gets the synthetic
// $deserializeLambda$ method. Same re-link per retransform as metafactory sites.
package samples.hazard.indy;

import java.io.Serializable;
import java.util.function.IntSupplier;

public final class AltLambdaSites {
    private AltLambdaSites() {
    }

    /** Marker interface: an intersection cast with it forces altMetafactory (FLAG_MARKERS). */
    public interface Tagged {
    }

    public static int run(int k) {
        IntSupplier serial = (IntSupplier & Serializable) () -> k + 1;   // FLAG_SERIALIZABLE
        IntSupplier tagged = (IntSupplier & Tagged) () -> k + 2;         // FLAG_MARKERS
        return serial.getAsInt() + tagged.getAsInt();
    }
}
