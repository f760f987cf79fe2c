package jp.suijin.launcher;

/** A start-up problem the user can fix; its message is printed as one line, without a stack trace. */
public class LaunchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message, null, false, false);
    }
}
