package jp.suijin.security;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Set;

/**
 * The security events of the caller's organisation and its tuning of the rules, for its
 * administrators. Events of no organisation (patterns across organisations) are not among them.
 */
@Local
public interface SecurityEvents {

    /** Events, newest activity first; {@code openOnly}: not yet acknowledged. */
    List<SecurityEventRow> events(boolean openOnly, int first, int max);

    int count(boolean openOnly);

    /** Marks the open events among these as acknowledged by the caller; returns how many were. */
    int acknowledge(Set<Long> eventIds);

    /** Every rule, as set for the organisation or at its defaults. */
    List<RuleSetting> ruleSettings();

    /**
     * Saves the settings of the rules given.
     *
     * @throws jp.suijin.admin.AdministrationException field: the rule's name; problem: "threshold" or
     *         "window"; args: the bounds
     */
    void saveRuleSettings(List<RuleSetting> settings);
}
