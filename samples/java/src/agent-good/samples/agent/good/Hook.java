// Part of the agent-good control: the trivial method the transformer calls at every method entry.
package samples.agent.good;

public final class Hook {
    private static volatile long entries;

    private Hook() {
    }

    public static void enter() {
        entries++;
    }

    public static long entries() {
        return entries;
    }
}
