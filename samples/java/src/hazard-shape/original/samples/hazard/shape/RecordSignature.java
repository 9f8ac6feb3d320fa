// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: only the Record attribute changes: the component keeps its name and descriptor
// (java/util/List) but its generic signature goes from List<String> to List<Integer>.
package samples.hazard.shape;

import java.util.List;

public record RecordSignature(List<String> items) {
    public static int value() {
        return 1;
    }
}
