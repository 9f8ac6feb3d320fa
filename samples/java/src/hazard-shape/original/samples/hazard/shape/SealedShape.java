// BL0006 pair (original/ = loaded class, transformed/ = what a transformer returns on retransform).
// Positive: the sealed interface permits one more class (PermittedSubclasses changes); the permitted
// classes are top-level in this file so that no NestMembers attribute is involved.
package samples.hazard.shape;

public sealed interface SealedShape permits Square, Round {
    static int value() {
        return 1;
    }
}

final class Square implements SealedShape {
}

final class Round implements SealedShape {
}
