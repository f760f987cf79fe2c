package jp.suijin.report;

import jakarta.ejb.ApplicationException;

/**
 * A report or layout request that cannot be served or applied. {@code problem} is a message key of
 * the pages' bundle, {@code args} fill it (e.g. the row and point that were refused).
 */
@ApplicationException(rollback = true)
public class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final transient Object[] args;

    public ReportException(String problem, Object... args) {
        super(problem, null, false, false);
        this.problem = problem;
        this.args = args.clone();
    }

    public String problem() {
        return problem;
    }

    public Object[] args() {
        return args == null ? new Object[0] : args.clone();
    }
}
