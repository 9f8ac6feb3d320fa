// Seeds BL0001 (positive). docs/design/hotspot.md section 2: javac compiles every try-with-resources (at every
// --release) to handlers whose catch type is java/lang/Throwable plus a Methodref
// java/lang/Throwable.addSuppressed, so the class meets both trigger conditions without a single
// "catch (Throwable)" in the source. Oracle case: exp1-TryWithResources.
package samples.app;

public class TryWithResources {
    static int counter;

    static final class Resource implements AutoCloseable {
        @Override
        public void close() {
            counter--;
        }
    }

    public static void run() {
        try (Resource r = new Resource()) {
            counter++;
        }
    }
}
