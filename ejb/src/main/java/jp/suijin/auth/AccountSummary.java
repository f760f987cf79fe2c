package jp.suijin.auth;

import java.io.Serializable;

/** What "My account" shows. {@code twoStepRequired}: the organisation requires it, the user cannot switch it off. */
public record AccountSummary(String loginId, String displayName, String email, boolean twoStepEnabled,
        boolean twoStepRequired) implements Serializable {
}
