// BL0003 control: must not fire. docs/design/hotspot.md section 4: the cost of widening an ldc is one clone of
// the method, sized by code + StackMapTable + LineNumberTable. This ordinary method has a handful of
// ldc, a few branch targets and a stack map of a few dozen bytes, so even if every ldc widened the
// estimate stays tiny (far below any sensible threshold).
package samples.app;

public class SmallStackMap {
    public static String describe(int code) {
        String prefix = "status";
        if (code < 0) {
            return prefix + ": invalid";
        }
        if (code == 0) {
            return prefix + ": ok";
        }
        float load = code * 0.75f;
        int limit = 100000;
        if (code > limit) {
            return prefix + ": overflow";
        }
        return prefix + ": " + code + " (" + load + ")";
    }
}
