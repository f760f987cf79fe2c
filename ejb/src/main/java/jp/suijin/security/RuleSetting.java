package jp.suijin.security;

/** How one rule runs for one organisation. */
public record RuleSetting(SecurityRule rule, boolean enabled, int threshold, int windowMinutes) {

    /** The problem with these values (the field name), or null when they are within the rule's bounds. */
    public String problem() {
        if (threshold < rule.minThreshold() || threshold > rule.maxThreshold()) {
            return "threshold";
        }
        if (windowMinutes < rule.minWindow() || windowMinutes > rule.maxWindow()) {
            return "window";
        }
        return null;
    }
}
