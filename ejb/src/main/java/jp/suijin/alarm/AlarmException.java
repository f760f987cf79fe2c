package jp.suijin.alarm;

import jakarta.ejb.ApplicationException;

/**
 * A request about alarms that cannot be applied. {@code field} names the input, {@code problem} is a
 * message key of the pages' bundle; {@code args} fill it (e.g. the allowed length).
 */
@ApplicationException(rollback = true)
public class AlarmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;
    private final transient Object[] args;

    public AlarmException(String field, String problem, Object... args) {
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
