// Which classes the rebuild agent's transformers touch; each transformer takes a different subset
// so that they do not all rewrite the same class.
package samples.agent.rebuild;

final class Targets {
    static final String PREFIX = "samples/app/";
    static final String PREFIX_DOTTED = "samples.app.";

    private Targets() {
    }

    static boolean matches(String className, String simpleNamePrefix) {
        return className != null && className.startsWith(PREFIX + simpleNamePrefix);
    }
}
