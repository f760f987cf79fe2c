package jp.suijin.admin;

import jakarta.ejb.ApplicationException;

/**
 * An input that cannot be applied (an administrator's setting, an operator's acknowledgement or
 * filter). {@code field} names the input, {@code problem} is a message key of the pages' bundle;
 * {@code args} fill it (e.g. the allowed bounds).
 */
@ApplicationException(rollback = true)
public class AdministrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;
    private final transient Object[] args;

    public AdministrationException(String field, String problem, Object... args) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
        this.problem = problem;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
