package jp.suijin.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter (or record component) whose value never goes into an audit record: only that it was
 * given. Passwords ({@code char[]}), and names such as token, code, password, secret or key, are
 * treated so without the annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Sensitive {
}
