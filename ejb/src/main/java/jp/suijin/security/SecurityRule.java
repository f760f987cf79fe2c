package jp.suijin.security;

/**
 * The suspicious-activity rules. Each has a threshold and a window an administrator may tune
 * within bounds; a rule that fires on a single event has neither ({@link #tunable()} false).
 */
public enum SecurityRule {

    /** An account locked after too many failures. */
    ACCOUNT_LOCKED(1, 1, 1, 60, 60, 60),
    /** Failed sign-ins from one address against many accounts (threshold: accounts). */
    CREDENTIAL_STUFFING(10, 3, 1000, 10, 1, 1440),
    /** A sign-in that succeeds after several failures in a row (threshold: failures). */
    SUCCESS_AFTER_FAILURES(3, 2, 100, 60, 60, 60),
    /** A sign-in from a network (IPv4 /24, IPv6 /48) the user has never signed in from. */
    NEW_NETWORK(1, 1, 1, 60, 60, 60),
    /** A user's role changed. */
    PRIVILEGE_CHANGE(1, 1, 1, 60, 60, 60),
    /** A user switched two-step sign-in off. */
    TWO_STEP_DISABLED(1, 1, 1, 60, 60, 60),
    /** Many exports or downloads by one user (threshold: exports). */
    MASS_EXPORT(10, 2, 1000, 60, 1, 1440),
    /** A sign-in at an hour (Japan time) the user has not signed in at for 30 days (threshold: sign-ins needed as history). */
    UNUSUAL_HOURS(20, 5, 1000, 43200, 43200, 43200),
    /** Refused device sign-ins: a phone without a free slot, a field device with a wrong token (threshold: refusals). */
    DEVICE_REFUSED(3, 1, 100, 10, 1, 1440),
    /** Repeated authorization failures by one user or address (threshold: refusals). */
    ACCESS_DENIED(5, 2, 1000, 10, 1, 1440);

    private final int defaultThreshold;
    private final int minThreshold;
    private final int maxThreshold;
    private final int defaultWindow;
    private final int minWindow;
    private final int maxWindow;

    SecurityRule(int defaultThreshold, int minThreshold, int maxThreshold, int defaultWindow, int minWindow,
            int maxWindow) {
        this.defaultThreshold = defaultThreshold;
        this.minThreshold = minThreshold;
        this.maxThreshold = maxThreshold;
        this.defaultWindow = defaultWindow;
        this.minWindow = minWindow;
        this.maxWindow = maxWindow;
    }

    public boolean tunable() {
        return minThreshold != maxThreshold || minWindow != maxWindow;
    }

    public int defaultThreshold() {
        return defaultThreshold;
    }

    public int minThreshold() {
        return minThreshold;
    }

    public int maxThreshold() {
        return maxThreshold;
    }

    /** In minutes. */
    public int defaultWindow() {
        return defaultWindow;
    }

    public int minWindow() {
        return minWindow;
    }

    public int maxWindow() {
        return maxWindow;
    }

    public RuleSetting defaults() {
        return new RuleSetting(this, true, defaultThreshold, defaultWindow);
    }
}
