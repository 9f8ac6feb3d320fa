// Part of the agent-good control: defines the class ProxyGenerator produced.
package samples.agent.good;

final class GeneratedClassLoader extends ClassLoader {
    private GeneratedClassLoader(ClassLoader parent) {
        super(parent);
    }

    static Class<?> define(ClassLoader parent, String name, byte[] bytes) {
        return new GeneratedClassLoader(parent).defineClass(name, bytes, 0, bytes.length);
    }
}
