// Suppression annotation (not a finding by itself). BytecodeLint honours any annotation whose
// simple name is SuppressBytecodeLint, so projects copy this file into their own package rather
// than depend on a library. CLASS retention keeps it in the class file (RuntimeInvisibleAnnotations)
// without making it visible to reflection; value() lists rule ids (e.g. "BL0001"), justification()
// records why the finding is accepted.
package samples.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface SuppressBytecodeLint {
    String[] value();

    String justification() default "";
}
