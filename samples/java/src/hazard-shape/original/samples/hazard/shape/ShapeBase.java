// Helper for ChangeSuperclass (identical in original/ and transformed/): the new superclass.
package samples.hazard.shape;

public class ShapeBase {
}
