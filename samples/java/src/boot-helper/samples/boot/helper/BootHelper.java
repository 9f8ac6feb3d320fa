// BL0108 helper: the class the two boot-path agents put on the bootstrap class path (boot-helper.jar).
package samples.boot.helper;

public final class BootHelper {
    private BootHelper() {
    }

    public static String where() {
        return String.valueOf(BootHelper.class.getClassLoader());
    }
}
