package jp.suijin.audit;

/** How long operation and access records are kept: system property {@value #PROPERTY}, at least {@value #MINIMUM} days. */
public final class AuditRetention {

    public static final String PROPERTY = "suijin.audit.retention-days";
    public static final int MINIMUM = 365;
    public static final int DEFAULT = 400;

    private AuditRetention() {
    }

    /** @throws IllegalStateException naming the setting when it is not a number of days of at least a year */
    public static int days() {
        return parse(System.getProperty(PROPERTY));
    }

    static int parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(PROPERTY + "=" + value + " is not a number of days");
        }
        if (days < MINIMUM) {
            throw new IllegalStateException(PROPERTY + "=" + days + " is refused: operation and access records are kept"
                    + " at least " + MINIMUM + " days");
        }
        return days;
    }
}
